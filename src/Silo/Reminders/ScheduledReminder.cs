using CrisisGrid.Silo.Runtime;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Reminders;

/// <summary>
/// One reminder's place on the clock. Ticks fall on a fixed grid, StartAt + k × Period, which is derived from the
/// persisted entry and so survives restarts. A reminder that fell due while the silo was down fires once, promptly,
/// and then goes on at the next grid point: missed ticks are skipped, not replayed.
/// </summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly ReminderService _service;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private DateTimeOffset _nextDue;
    private bool _delivering;
    private bool _disposed;

    public ScheduledReminder(ReminderEntry entry, ReminderService service, TimeProvider time)
    {
        Entry = entry;
        _service = service;
        _time = time;
    }

    public ReminderEntry Entry { get; }

    public void Start()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _nextDue = Entry.StartAt;
        }

        if (Entry.StartAt <= now)
        {
            Fire();
        }
        else
        {
            lock (_gate)
            {
                Arm(now);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer?.Dispose();
    }

    /// <summary>The first grid point strictly after <paramref name="time"/>.</summary>
    internal static DateTimeOffset NextTickAfter(ReminderEntry entry, DateTimeOffset time)
    {
        if (time < entry.StartAt)
        {
            return entry.StartAt;
        }

        var elapsedPeriods = (time - entry.StartAt).Ticks / entry.Period.Ticks;
        return entry.StartAt + TimeSpan.FromTicks((elapsedPeriods + 1) * entry.Period.Ticks);
    }

    private void Fire()
    {
        DateTimeOffset tickTime;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // A timer may fire a hair early; the tick then belongs to the grid point it was armed for.
            var now = _time.GetUtcNow();
            tickTime = now > _nextDue ? now : _nextDue;

            // The next tick is armed before delivery, so the schedule never drifts with delivery time. A tick that
            // comes while the previous delivery still runs is skipped (as Orleans does), never queued.
            _nextDue = NextTickAfter(Entry, tickTime);
            Arm(now);
            if (_delivering)
            {
                _service.Logger.LogDebug("Reminder {Reminder} of {Grain}: tick skipped, the previous one is still being delivered", Entry.ReminderName, Entry.GrainId);
                return;
            }

            _delivering = true;
        }

        _ = DeliverAsync(tickTime);
    }

    private async Task DeliverAsync(DateTimeOffset tickTime)
    {
        try
        {
            await _service.DeliverAsync(Entry, tickTime).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _delivering = false;
            }
        }
    }

    // Call under the lock.
    private void Arm(DateTimeOffset now)
    {
        if (_disposed)
        {
            return;
        }

        _timer ??= ExecutionFlow.CreateTimer(_time, static s => ((ScheduledReminder)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var due = _nextDue - now;
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
