using CrisisGrid.Testing;
using CrisisGrid.Silo.Runtime;
using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class DeactivationTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static void TenMinuteCollection(Hosting.SiloOptions o)
    {
        o.CollectionAge = 10 * Minute;
        o.CollectionQuantum = Minute;
    }

    [Fact]
    public async Task An_activation_idle_for_the_collection_age_is_deactivated_and_the_next_call_activates_again()
    {
        await using var silo = await RuntimeTestHost.StartAsync(TenMinuteCollection);
        var grain = silo.Grain<ILifecycleGrain>("idle");
        Assert.Equal(1, await grain.Ping());

        // Activity at 0:09 pushes collection to 0:19.
        silo.Time.Advance(9 * Minute);
        Assert.Equal(1, await grain.Ping());
        silo.Time.Advance(9 * Minute);
        Assert.Equal(1, await grain.Ping());
        Assert.Equal(0, silo.Probe.Count("deactivate:idle"));

        silo.Time.Advance(10 * Minute);
        await silo.Probe.WaitForCount("deactivate:idle", 1);

        Assert.Contains("deactivate:idle:ActivationIdle", silo.Probe.Events);
        Assert.Equal(2, await grain.Ping());
    }

    [Fact]
    public async Task Only_keep_alive_timer_ticks_count_as_activity()
    {
        await using var silo = await RuntimeTestHost.StartAsync(TenMinuteCollection);
        var kept = silo.Grain<ITimerGrain>("kept");
        var plain = silo.Grain<ITimerGrain>("plain");
        await kept.StartTimer(8 * Minute, Timeout.InfiniteTimeSpan, keepAlive: true);
        await plain.StartTimer(8 * Minute, Timeout.InfiniteTimeSpan, keepAlive: false);

        silo.Time.Advance(8 * Minute);
        await silo.Probe.WaitForCount("tick:kept", 1);
        await silo.Probe.WaitForCount("tick:plain", 1);
        await WhenQuiet(silo, new GrainId("timer", "kept"));
        await WhenQuiet(silo, new GrainId("timer", "plain"));

        silo.Time.Advance(3 * Minute);
        await silo.Probe.WaitForCount("timer-deactivated:plain", 1);
        Assert.Equal(0, silo.Probe.Count("timer-deactivated:kept"));
        silo.Time.Advance(8 * Minute);
        await silo.Probe.WaitForCount("timer-deactivated:kept", 1);
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_request_and_the_next_call_activates_again()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ILifecycleGrain>("bye");
        Assert.Equal(1, await grain.Ping());

        await grain.DeactivateSelf();
        await silo.Probe.WaitForCount("deactivate:bye", 1);

        Assert.Contains("deactivate:bye:ApplicationRequested", silo.Probe.Events);
        Assert.Equal(2, await grain.Ping());
    }

    [Fact]
    public async Task Calls_that_arrive_during_deactivation_wait_and_go_to_a_new_activation()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("hold-deactivate:race");
        var grain = silo.Grain<ILifecycleGrain>("race");
        await grain.Ping();

        await grain.DeactivateSelf();
        await silo.Probe.WaitFor("deactivating:race");
        var calls = Enumerable.Range(0, 10).Select(_ => grain.Ping()).ToList();
        Assert.DoesNotContain(calls, c => c.IsCompleted);

        silo.Probe.Signal("deactivate-gate:race");
        var answers = await Task.WhenAll(calls).WaitAsync(Probe.Patience);

        Assert.All(answers, n => Assert.Equal(2, n));
        Assert.Equal(1, silo.Probe.Count("live-max"));
    }

    [Fact]
    public async Task Calls_racing_repeated_deactivations_are_never_lost_and_never_meet_two_live_activations()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ILifecycleGrain>("churn");

        var calls = Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            if (i % 10 == 0)
            {
                await grain.DeactivateSelf();
                return 0;
            }

            return await grain.Ping();
        })).ToList();
        var answers = await Task.WhenAll(calls).WaitAsync(Probe.Patience);

        Assert.Equal(270, answers.Count(n => n > 0));
        Assert.Equal(1, silo.Probe.Count("live-max"));
        Assert.True(silo.Probe.Count("ctor:churn") > 1);
    }

    [Fact]
    public async Task Stopping_the_host_deactivates_every_activation_with_ShuttingDown_and_then_refuses_calls()
    {
        var silo = await RuntimeTestHost.StartAsync();
        string[] keys = ["a", "b", "c", "d", "e"];
        foreach (var key in keys)
        {
            await silo.Grain<ILifecycleGrain>(key).Ping();
        }

        var held = silo.Grain<ILifecycleGrain>("busy").Hold("busy-gate");
        await silo.Probe.WaitFor("holding:busy-gate");
        var stopping = silo.StopAsync();
        silo.Probe.Signal("busy-gate");
        await held;
        await stopping.WaitAsync(Probe.Patience);

        Assert.All(keys.Append("busy"), key => Assert.Contains($"deactivate:{key}:ShuttingDown", silo.Probe.Events));
        Assert.Equal(0, silo.Services.GetRequiredService<GrainRuntime>().Directory.Count);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grain<ILifecycleGrain>("late").Ping());
        Assert.Contains("shutting down", error.Message, StringComparison.Ordinal);
        await silo.DisposeAsync();
    }

    /// <summary>Waits until the activation has finished its turns (so their activity is recorded).</summary>
    private static async Task WhenQuiet(RuntimeTestHost silo, GrainId grainId)
    {
        var directory = silo.Services.GetRequiredService<GrainRuntime>().Directory;
        await Eventually.True(() => !directory.TryGet(grainId, out var activation) || !activation.IsBusy, $"{grainId} to finish its turns");
    }
}
