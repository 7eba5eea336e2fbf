using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using CrisisGrid.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime;

/// <summary>
/// Reminder ticks are grain requests queued synchronously when the manual clock moves, so a later request to the
/// same grain ("await grain.Has(...)") runs only after every tick that fell due.
/// </summary>
public sealed class ReminderTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Registering_persists_the_reminder_in_the_table_before_returning()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: table);
        var start = silo.Time.GetUtcNow();
        var grain = silo.Grain<IReminderGrain>("fr");

        await grain.Register("session-clock", 10 * Minute, Hour);

        var entry = Assert.Single(table.Entries);
        Assert.Equal(new ReminderEntry(new GrainId("reminder", "fr"), "session-clock", start + (10 * Minute), Hour), entry);
        Assert.Equal(["session-clock"], await grain.Names());
    }

    [Fact]
    public async Task A_reminder_fires_at_its_due_time_and_then_every_period_with_its_tick_status()
    {
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: new InMemoryReminderTable());
        var start = silo.Time.GetUtcNow();
        var grain = silo.Grain<IReminderGrain>("de");
        await grain.Register("r", 10 * Minute, Hour);

        silo.Time.Advance(10 * Minute - TimeSpan.FromSeconds(1));
        await grain.Has("r");
        Assert.Equal(0, silo.Probe.Count("reminder:de:r"));

        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.Probe.WaitForCount("reminder:de:r", 1);
        silo.Time.Advance(Hour);
        await silo.Probe.WaitForCount("reminder:de:r", 2);

        var first = start + (10 * Minute);
        Assert.Equal(
            [
                $"de:r:{first.UtcDateTime:O}:{Hour}:{first.UtcDateTime:O}",
                $"de:r:{first.UtcDateTime:O}:{Hour}:{(first + Hour).UtcDateTime:O}",
            ],
            silo.Probe.Events);
    }

    [Fact]
    public async Task After_a_restart_an_overdue_reminder_activates_its_grain_fires_once_and_keeps_its_schedule()
    {
        var table = new InMemoryReminderTable();
        var time = TestClock.Create();
        var probe = new Probe();
        var t0 = time.GetUtcNow();
        await using (var before = await RuntimeTestHost.StartAsync(reminderTable: table, time: time, probe: probe))
        {
            await before.Grain<IReminderGrain>("pl").Register("r", 10 * Minute, Hour);
        }

        // Down for three hours: the ticks at 0:10, 1:10 and 2:10 were missed.
        time.Advance(3 * Hour);
        await using var after = await RuntimeTestHost.StartAsync(reminderTable: table, time: time, probe: probe);

        await probe.WaitForCount("reminder:pl:r", 1);
        Assert.Equal(2, probe.Count("reminder-ctor:pl"));
        Assert.EndsWith($":{(t0 + (3 * Hour)).UtcDateTime:O}", probe.Events.Single(), StringComparison.Ordinal);

        // Missed ticks are not replayed; the next one is on the original grid, at 3:10.
        var grain = after.Grain<IReminderGrain>("pl");
        time.Advance(9 * Minute);
        await grain.Has("r");
        Assert.Equal(1, probe.Count("reminder:pl:r"));
        time.Advance(Minute);
        await probe.WaitForCount("reminder:pl:r", 2);
    }

    [Fact]
    public async Task A_reminder_activates_a_grain_that_was_deactivated()
    {
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: new InMemoryReminderTable());
        var grain = silo.Grain<IReminderGrain>("it");
        await grain.Register("r", Minute, Hour);
        await grain.DeactivateSelf();

        silo.Time.Advance(Minute);

        await silo.Probe.WaitForCount("reminder:it:r", 1);
        Assert.Equal(2, silo.Probe.Count("reminder-ctor:it"));
    }

    [Fact]
    public async Task Unregistering_inside_ReceiveReminder_stops_further_ticks()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: table);
        var grain = silo.Grain<IReminderGrain>("uk");
        await grain.Register("once-deadline", Minute, Hour);

        silo.Time.Advance(Minute);
        await silo.Probe.WaitForCount("reminder:uk:once-deadline", 1);
        silo.Time.Advance(5 * Hour);

        Assert.Empty(await grain.Names());
        Assert.Equal(1, silo.Probe.Count("reminder:uk:once-deadline"));
        Assert.Empty(table.Entries);
    }

    [Fact]
    public async Task Unregistering_removes_the_reminder_from_the_table_and_the_clock()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: table);
        var grain = silo.Grain<IReminderGrain>("it");
        await grain.Register("r", Minute, Hour);

        await grain.Unregister("r");
        silo.Time.Advance(3 * Hour);

        Assert.False(await grain.Has("r"));
        Assert.Empty(table.Entries);
        Assert.Equal(0, silo.Probe.Count("reminder:it:r"));
    }

    [Fact]
    public async Task Registering_again_replaces_the_schedule()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: table);
        var grain = silo.Grain<IReminderGrain>("es");
        await grain.Register("r", Hour, Hour);
        await grain.Register("r", Minute, 2 * Hour);

        silo.Time.Advance(Minute);
        await silo.Probe.WaitForCount("reminder:es:r", 1);
        silo.Time.Advance(Hour);
        await grain.Has("r");

        Assert.Equal(1, silo.Probe.Count("reminder:es:r"));
        Assert.Equal(2 * Hour, Assert.Single(table.Entries).Period);
    }

    [Fact]
    public async Task A_failed_delivery_is_logged_and_retried_at_the_next_period()
    {
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: new InMemoryReminderTable());
        var grain = silo.Grain<IReminderGrain>("nl");
        await grain.Register("flaky", Minute, Hour);

        silo.Time.Advance(Minute);
        await silo.Probe.WaitForCount("reminder-failed:nl:flaky", 1);
        silo.Time.Advance(Hour);
        await silo.Probe.WaitForCount("reminder:nl:flaky", 1);

        await Eventually.True(
            () => silo.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("flaky", StringComparison.Ordinal)),
            "a warning about the failed delivery");
    }

    [Fact]
    public async Task Using_reminders_without_a_reminder_table_is_a_clear_error()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grain<IReminderGrain>("x").Register("r", Minute, Hour));

        Assert.Contains("no IReminderTable is registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("reminder/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Periods_below_the_minimum_are_refused_and_nothing_is_stored()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await RuntimeTestHost.StartAsync(reminderTable: table);
        var grain = silo.Grain<IReminderGrain>("x");

        var tooShort = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("r", Minute, TimeSpan.FromSeconds(30)));
        Assert.Contains("MinimumReminderPeriod", tooShort.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("r", Minute, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("r", TimeSpan.FromSeconds(-1), Hour));
        Assert.Empty(table.Entries);
    }

    [Fact]
    public void Property_the_next_tick_is_the_first_grid_point_after_the_given_time()
    {
        var start = new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);
        var cases = Gen.Choose(1, 1_000_000).SelectMany(periodSeconds => Gen.Choose(-10_000_000, 100_000_000)
                .Select(offsetSeconds => (Period: TimeSpan.FromSeconds(periodSeconds), Time: start.AddSeconds(offsetSeconds))))
            .ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var entry = new ReminderEntry(new GrainId("g", "k"), "r", start, c.Period);
            var next = ScheduledReminder.NextTickAfter(entry, c.Time);
            var onGrid = (next - start).Ticks % c.Period.Ticks == 0;
            var first = next == start ? c.Time < start : next - c.Period <= c.Time;
            return next > c.Time && next >= start && onGrid && first;
        }).QuickCheckThrowOnFailure();
    }
}
