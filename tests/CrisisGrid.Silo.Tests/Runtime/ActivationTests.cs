using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task Concurrent_first_calls_from_many_threads_create_exactly_one_activation_per_key()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] keys = ["fr", "de", "pl"];

        // 3 keys × 64 callers, all released at once on the thread pool.
        var calls = keys.SelectMany(key => Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await silo.Grain<ILifecycleGrain>(key).Ping();
        }))).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, n => Assert.Equal(1, n));
        Assert.All(keys, key => Assert.Equal(1, silo.Probe.Count($"ctor:{key}")));
        Assert.All(keys, key => Assert.Equal(1, silo.Probe.Count($"activate:{key}")));
    }

    [Fact]
    public async Task Threads_racing_on_every_new_key_within_nanoseconds_still_get_one_activation_per_key()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        const int Keys = 1000;
        var threads = Math.Max(2, Environment.ProcessorCount);
        var arrived = 0;
        var calls = new Task<int>[threads][];

        // Dedicated threads that spin until all of them reach each key, so they make its first call within
        // nanoseconds of each other: the tightest race on first activation a test can make.
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            calls[t] = new Task<int>[Keys];
            for (var k = 0; k < Keys; k++)
            {
                Interlocked.Increment(ref arrived);
                while (Volatile.Read(ref arrived) < (k + 1) * threads)
                {
                    Thread.SpinWait(1);
                }

                calls[t][k] = silo.Grain<ILifecycleGrain>($"k{k}").Ping();
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        await Task.WhenAll(calls.SelectMany(c => c));

        var duplicated = Enumerable.Range(0, Keys).Count(k => silo.Probe.Count($"ctor:k{k}") != 1);
        Assert.Equal(0, duplicated);
    }

    [Fact]
    public async Task OnActivateAsync_runs_before_the_first_request()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("hold-activate:slow");

        var call = silo.Grain<ILifecycleGrain>("slow").Ping();
        await silo.Probe.WaitFor("activating:slow");
        Assert.False(call.IsCompleted);

        silo.Probe.Signal("activate-gate:slow");
        Assert.Equal(1, await call);
        Assert.Equal(1, silo.Probe.Count("activate:slow"));
    }

    [Fact]
    public async Task A_failing_OnActivateAsync_fails_the_call_with_its_exception_and_the_next_call_activates_again()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("fail-activate:un");
        var grain = silo.Grain<ILifecycleGrain>("un");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Ping());
        Assert.Equal("activation 1 of un refuses to start", error.Message);

        Assert.Equal(2, await grain.Ping());
        Assert.Equal(2, silo.Probe.Count("ctor:un"));
        Assert.Equal(1, silo.Probe.Count("activate:un"));
    }

    [Fact]
    public async Task Calls_queued_behind_a_failing_activation_fail_with_the_same_exception()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("fail-activate:q");
        silo.Probe.Increment("hold-activate:q");
        var grain = silo.Grain<ILifecycleGrain>("q");

        var first = grain.Ping();
        await silo.Probe.WaitFor("activating:q");
        var second = grain.Ping();
        silo.Probe.Signal("activate-gate:q");

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal(2, await grain.Ping());
    }

    [Fact]
    public async Task A_throwing_constructor_fails_the_call_with_its_exception_unwrapped_and_the_next_call_constructs_again()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("fail-ctor:x");
        var grain = silo.Grain<IFragileGrain>("x");

        var error = await Assert.ThrowsAsync<FormatException>(() => grain.Ping());
        Assert.Equal("construction 1 of x fails", error.Message);

        Assert.Equal(2, await grain.Ping());
    }

    [Fact]
    public async Task Grains_may_take_their_IGrainContext_in_the_constructor_or_implement_IGrainBase_directly()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        Assert.Equal("context/c1|True", await silo.Grain<IContextGrain>("c1").Describe());
        Assert.Equal("plain/p1", await silo.Grain<IPlainGrain>("p1").Describe());
        Assert.Equal(1, silo.Probe.Count("plain-activate:p1"));
    }

    [Fact]
    public async Task Each_activation_gets_its_own_service_scope_which_is_disposed_when_it_deactivates()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ILifecycleGrain>("scoped");
        await grain.Ping();
        Assert.Equal(0, silo.Probe.Count("scoped-resource-disposed"));

        await grain.DeactivateSelf();
        await silo.Probe.WaitForCount("scoped-resource-disposed", 1);
    }
}
