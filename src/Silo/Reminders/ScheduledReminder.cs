using CrisisGrid.Silo.Runtime;

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

            // The next tick is armed before delivery, so the schedule never drifts with delivery time. Deliveries
            // do not wait for each other: each is a request, and the grain's mailbox runs them in order. A delivery
            // gives up after SiloOptions.ResponseTimeout, which is shorter than any sensible period, so a slow grain
            // cannot pile up ticks.
            _nextDue = NextTickAfter(Entry, tickTime);
            Arm(now);
        }

        // Queues the request synchronously (only the wait for the answer is asynchronous).
        _ = _service.DeliverAsync(Entry, tickTime);
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
