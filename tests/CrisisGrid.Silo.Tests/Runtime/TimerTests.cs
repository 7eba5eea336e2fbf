using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;

namespace CrisisGrid.Silo.Tests.Runtime;

/// <summary>
/// Timers run on the manual clock: <c>Advance</c> queues due ticks synchronously, and a later request to the same
/// grain runs only after them, so "await grain.Ticks()" observes every tick that fell due.
/// </summary>
public sealed class TimerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_tick_waits_for_the_running_request_and_runs_on_the_activation_scheduler()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("t");
        await grain.StartTimer(10 * Second, 10 * Second);

        var request = grain.Hold("request");
        await silo.Probe.WaitFor("holding:request");
        silo.Time.Advance(10 * Second);

        Assert.Equal(new TimerReport(0, 0, 0, false), await grain.Peek());
        silo.Probe.Signal("request");
        await request;

        Assert.Equal(1, await grain.Ticks());
        Assert.Equal(new TimerReport(1, 0, 0, false), await grain.Peek());
    }

    [Fact]
    public async Task The_period_counts_from_the_end_of_one_callback_to_the_next()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        silo.Probe.Increment("hold-tick:p");
        silo.Probe.Signal("tick-gate:p#2");
        var grain = silo.Grain<ITimerGrain>("p");
        await grain.StartTimer(10 * Second, 5 * Second);

        silo.Time.Advance(10 * Second);
        await silo.Probe.WaitFor("tick-running:p#1");

        // The callback takes 20 s: no tick may start meanwhile, and none is owed for the missed periods.
        silo.Time.Advance(20 * Second);
        Assert.True((await grain.Peek()).TickRunning);
        silo.Probe.Signal("tick-gate:p#1");
        Assert.Equal(1, await grain.Ticks());

        silo.Time.Advance(4 * Second);
        Assert.Equal(1, await grain.Ticks());
        silo.Time.Advance(1 * Second);
        Assert.Equal(2, await grain.Ticks());
        Assert.Equal(0, (await grain.Peek()).TicksOffScheduler);
    }

    [Fact]
    public async Task A_periodic_timer_keeps_ticking_and_a_one_shot_timer_ticks_once()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var periodic = silo.Grain<ITimerGrain>("periodic");
        var oneShot = silo.Grain<ITimerGrain>("one-shot");
        await periodic.StartTimer(Second, 2 * Second);
        await oneShot.StartTimer(Second, Timeout.InfiniteTimeSpan);

        for (var i = 0; i < 4; i++)
        {
            silo.Time.Advance(i == 0 ? Second : 2 * Second);
            Assert.Equal(i + 1, await periodic.Ticks());
        }

        Assert.Equal(1, await oneShot.Ticks());
    }

    [Fact]
    public async Task A_due_time_of_zero_ticks_without_the_clock_moving()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("now");

        await grain.StartTimer(TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, await grain.Ticks());
    }

    [Fact]
    public async Task Dispose_stops_the_timer()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("d");
        await grain.StartTimer(Second, Second);
        silo.Time.Advance(Second);
        Assert.Equal(1, await grain.Ticks());

        await grain.StopTimer();
        silo.Time.Advance(10 * Second);

        Assert.Equal(1, await grain.Ticks());
    }

    [Fact]
    public async Task Change_moves_the_due_time_and_period()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("c");
        await grain.StartTimer(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        await grain.ChangeTimer(2 * Second, 3 * Second);
        silo.Time.Advance(2 * Second);
        Assert.Equal(1, await grain.Ticks());
        silo.Time.Advance(2 * Second);
        Assert.Equal(1, await grain.Ticks());
        silo.Time.Advance(Second);
        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task Timers_die_with_their_activation()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("dies");
        await grain.StartTimer(Second, Second);
        silo.Time.Advance(Second);
        Assert.Equal(1, await grain.Ticks());

        await grain.DeactivateSelf();
        await silo.Probe.WaitForCount("timer-deactivated:dies", 1);
        silo.Time.Advance(10 * Second);

        Assert.Equal(1, silo.Probe.Count("tick:dies"));
        Assert.Equal(1, silo.Probe.Count("timer-ctor:dies"));

        // A new activation starts without the old timer.
        Assert.Equal(0, await grain.Ticks());
        silo.Time.Advance(10 * Second);
        Assert.Equal(0, await grain.Ticks());
    }

    [Fact]
    public async Task An_interleaving_timer_may_tick_while_a_request_waits()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<ITimerGrain>("i");
        await grain.StartTimer(Second, Timeout.InfiniteTimeSpan, interleave: true);

        var request = grain.Hold("request");
        await silo.Probe.WaitFor("holding:request");
        silo.Time.Advance(Second);
        await silo.Probe.WaitForCount("tick:i", 1);

        Assert.Equal(1, (await grain.Peek()).TicksDuringRequest);
        silo.Probe.Signal("request");
        await request;
    }
}
