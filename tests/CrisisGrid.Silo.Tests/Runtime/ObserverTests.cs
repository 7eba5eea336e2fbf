using CrisisGrid.Testing;
using System.Runtime.CompilerServices;
using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class ObserverTests
{
    [Fact]
    public async Task Observers_receive_notifications_on_the_thread_pool_not_on_the_grain_scheduler()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o");
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(silo.Grains.CreateObjectReference<INotifyObserver>(observer));

        await grain.NotifyAndWait("awaited");
        await grain.NotifyOneWay("one-way");
        await silo.Probe.WaitForCount("observed:o", 2);

        Assert.Equal(["awaited", "one-way"], observer.Messages);
        var grainScheduler = await grain.SchedulerId();
        Assert.All(observer.SchedulerIds, id => Assert.Equal(TaskScheduler.Default.Id, id));
        Assert.NotEqual(TaskScheduler.Default.Id, grainScheduler);
    }

    [Fact]
    public async Task A_one_way_notification_does_not_block_the_grain()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var release = new TaskCompletionSource();
        var observer = new RecordingObserver(silo.Probe, "slow") { Gate = release.Task };
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(silo.Grains.CreateObjectReference<INotifyObserver>(observer));

        await grain.NotifyOneWay("m1").WaitAsync(Probe.Patience);
        Assert.Equal(1, await grain.Subscribers().WaitAsync(Probe.Patience));
        Assert.Equal(0, silo.Probe.Count("observed:slow"));

        release.SetResult();
        await silo.Probe.WaitForCount("observed:slow", 1);
    }

    [Fact]
    public async Task The_same_object_gives_the_same_reference_so_subscribing_twice_keeps_one_subscriber()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o");
        var first = silo.Grains.CreateObjectReference<INotifyObserver>(observer);
        var second = silo.Grains.CreateObjectReference<INotifyObserver>(observer);
        var grain = silo.Grain<INotifierGrain>("feed");

        await grain.Subscribe(first);
        await grain.Subscribe(second);

        Assert.Same(first, second);
        Assert.Equal(1, await grain.Subscribers());
        Assert.NotSame(first, silo.Grains.CreateObjectReference<INotifyObserver>(new RecordingObserver(silo.Probe, "other")));
    }

    [Fact]
    public async Task An_observer_gets_its_calls_in_order_and_one_at_a_time()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o");
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(silo.Grains.CreateObjectReference<INotifyObserver>(observer));

        for (var i = 0; i < 50; i++)
        {
            await grain.NotifyOneWay($"{i:D2}");
        }

        await silo.Probe.WaitForCount("observed:o", 50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{i:D2}"), observer.Messages);
        Assert.Equal(1, observer.MaxConcurrent);
    }

    [Fact]
    public async Task An_awaited_observer_call_returns_the_observer_exception_and_ObserverManager_drops_the_observer()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o") { FailWith = new ClauseRejectedException("gone") };
        var reference = silo.Grains.CreateObjectReference<INotifyObserver>(observer);
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(reference);

        var error = await Assert.ThrowsAsync<ClauseRejectedException>(() => grain.CallObserverDirectly(reference, "m"));
        Assert.Equal("gone", error.Message);

        await grain.NotifyAndWait("m2");
        Assert.Equal(0, await grain.Subscribers());
    }

    [Fact]
    public async Task A_failing_one_way_observer_call_is_logged()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o") { FailWith = new ClauseRejectedException("observer broke") };
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(silo.Grains.CreateObjectReference<INotifyObserver>(observer));

        await grain.NotifyOneWay("m");

        await Eventually.True(
            () => silo.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Exception is ClauseRejectedException),
            "a warning carrying the observer's exception");
    }

    [Fact]
    public async Task After_DeleteObjectReference_awaited_calls_fail_and_one_way_calls_are_dropped()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var observer = new RecordingObserver(silo.Probe, "o");
        var reference = silo.Grains.CreateObjectReference<INotifyObserver>(observer);
        var grain = silo.Grain<INotifierGrain>("feed");
        await grain.Subscribe(reference);

        silo.Grains.DeleteObjectReference<INotifyObserver>(observer);

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => grain.CallObserverDirectly(reference, "m"));
        Assert.Contains("DeleteObjectReference", error.Message, StringComparison.Ordinal);
        await grain.NotifyOneWay("dropped");
        await grain.NotifyAndWait("also dropped");
        Assert.Empty(observer.Messages);
        Assert.NotSame(reference, silo.Grains.CreateObjectReference<INotifyObserver>(observer));
    }

    [Fact]
    public async Task A_reference_does_not_keep_its_object_alive()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var reference = ReferenceToUnrootedObserver(silo);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => reference.OnMessageAsync("m"));
        Assert.Contains("garbage-collected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_cannot_be_wrapped_in_another_object_reference()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        Assert.Throws<ArgumentException>(() => silo.Grains.CreateObjectReference<INotifyObserver>(
            silo.Grains.CreateObjectReference<INotifyObserver>(new RecordingObserver(silo.Probe, "o"))));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static INotifyObserver ReferenceToUnrootedObserver(RuntimeTestHost silo) =>
        silo.Grains.CreateObjectReference<INotifyObserver>(new RecordingObserver(silo.Probe, "unrooted"));
}
