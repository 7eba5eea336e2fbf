using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task Concurrent_requests_to_a_non_reentrant_grain_never_overlap_even_across_awaits_and_WhenAll()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITurnGrain>("serial");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => i % 2 == 0 ? grain.Work(4) : grain.Increment())));
        var report = await grain.Report();

        Assert.Equal(10, report.Count);
        Assert.Equal(1, report.MaxRequestsInFlight);
        Assert.Equal(1, report.MaxExecuting);
        Assert.Equal(0, report.OffSchedulerObservations);
        Assert.True(report.Segments >= 10 * (1 + (4 * 3)));
    }

    [Fact]
    public async Task Property_no_update_is_lost_whatever_the_number_and_timing_of_concurrent_callers()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var scenarios = Gen.Choose(1, 12).SelectMany(callers => Gen.ListOf(Gen.Elements(true, false), callers))
            .ToArbitrary();
        var round = 0;

        Prop.ForAll(scenarios, staggered =>
        {
            var grain = silo.Grain<ITurnGrain>($"property-{Interlocked.Increment(ref round)}");
            var calls = staggered.Select(stagger => Task.Run(async () =>
            {
                if (stagger)
                {
                    await Task.Yield();
                }

                return await grain.Increment();
            })).ToList();
            var results = Task.WhenAll(calls).GetAwaiter().GetResult();
            var report = grain.Report().GetAwaiter().GetResult();

            // Each call saw a distinct count: turns ran one after another, each to completion.
            return report.Count == staggered.Count
                && results.Order().SequenceEqual(Enumerable.Range(1, staggered.Count))
                && report.MaxRequestsInFlight == 1
                && report.OffSchedulerObservations == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task A_request_waits_for_the_running_one_to_finish_but_an_AlwaysInterleave_request_does_not()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITurnGrain>("gate");

        var first = grain.Hold("one");
        await silo.Probe.WaitFor("started:one");
        var second = grain.Mark("two");

        // Peek interleaves, and it was queued after "two": had "two" been allowed to start, it would show here.
        Assert.Equal(["start:one"], await grain.Peek());
        Assert.False(second.IsCompleted);

        silo.Probe.Signal("one");
        await Task.WhenAll(first, second);
        Assert.Equal(["start:one", "end:one", "start:two", "end:two"], await grain.Peek());
    }

    [Fact]
    public async Task Requests_to_a_reentrant_grain_interleave_at_await_points()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<IReentrantTurnGrain>("reentrant");

        var first = grain.Hold("one");
        await silo.Probe.WaitFor("started:one");
        await grain.Mark("two");

        Assert.Equal(["start:one", "start:two", "end:two"], await grain.Peek());
        silo.Probe.Signal("one");
        await first;
        Assert.Equal(0, (await grain.Report()).OffSchedulerObservations);
    }

    [Fact]
    public async Task Reentrant_grains_still_run_one_piece_of_code_at_a_time_on_their_scheduler()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<IReentrantTurnGrain>("reentrant-work");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => grain.Work(3))));
        var report = await grain.Report();

        Assert.Equal(1, report.MaxExecuting);
        Assert.Equal(0, report.OffSchedulerObservations);
    }
}
