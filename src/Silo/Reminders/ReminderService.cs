using CrisisGrid.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Reminders;

/// <summary>
/// Keeps every reminder of the table on the clock and delivers ticks: a tick gets the grain by id (activating it if
/// needed) and calls IRemindable.ReceiveReminder. A failed delivery is logged; the next tick comes on schedule.
/// </summary>
internal sealed class ReminderService
{
    private readonly IServiceProvider _services;
    private readonly GrainFactory _factory;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId, string), ScheduledReminder> _scheduled = [];
    private bool _stopped;

    public ReminderService(IServiceProvider services, GrainFactory factory, TimeProvider time)
    {
        _services = services;
        _factory = factory;
        _time = time;
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("CrisisGrid.Silo.Reminders");
    }

    public ILogger Logger { get; }

    /// <summary>The durable table, or null when the host registered none (then grains cannot use reminders).</summary>
    public IReminderTable? Table => _services.GetService<IReminderTable>();

    /// <summary>Loads every reminder of the table and puts it on the clock; overdue ones fire now.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Table is not { } table)
        {
            Logger.LogInformation("No IReminderTable is registered: reminders are unavailable");
            return;
        }

        var entries = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var started = new List<ScheduledReminder>();
        lock (_gate)
        {
            _stopped = false;
            foreach (var entry in entries)
            {
                // A grain may have registered this reminder before the silo started: that schedule stands.
                if (_scheduled.TryAdd((entry.GrainId, entry.ReminderName), new ScheduledReminder(entry, this, _time)))
                {
                    started.Add(_scheduled[(entry.GrainId, entry.ReminderName)]);
                }
            }
        }

        Logger.LogInformation("Loaded {Count} reminders", entries.Count);
        started.ForEach(s => s.Start());
    }

    public void Stop()
    {
        List<ScheduledReminder> all;
        lock (_gate)
        {
            _stopped = true;
            all = [.. _scheduled.Values];
            _scheduled.Clear();
        }

        all.ForEach(s => s.Dispose());
    }

    /// <summary>Puts a (new or updated) reminder on the clock, replacing its previous schedule.</summary>
    public void Schedule(ReminderEntry entry)
    {
        var scheduled = new ScheduledReminder(entry, this, _time);
        ScheduledReminder? previous;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _scheduled.Remove((entry.GrainId, entry.ReminderName), out previous);
            _scheduled[(entry.GrainId, entry.ReminderName)] = scheduled;
        }

        previous?.Dispose();
        scheduled.Start();
    }

    /// <summary>Takes a reminder off the clock; returns its entry when it was scheduled.</summary>
    public ReminderEntry? Unschedule(GrainId grainId, string reminderName)
    {
        ScheduledReminder? scheduled;
        lock (_gate)
        {
            _scheduled.Remove((grainId, reminderName), out scheduled);
        }

        scheduled?.Dispose();
        return scheduled?.Entry;
    }

    internal bool IsScheduled(GrainId grainId, string reminderName)
    {
        lock (_gate)
        {
            return _scheduled.ContainsKey((grainId, reminderName));
        }
    }

    internal async Task DeliverAsync(ReminderEntry entry, DateTimeOffset tickTime)
    {
        // Reminder ticks start a new call chain; this also clears whatever context the timer thread carried.
        CallChain.Current = null;
        var status = new TickStatus(entry.StartAt.UtcDateTime, entry.Period, tickTime.UtcDateTime);
        try
        {
            await _factory.GetRemindable(entry.GrainId).ReceiveReminder(entry.ReminderName, status).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Delivering reminder {Reminder} to {Grain} failed; it fires again at its next tick", entry.ReminderName, entry.GrainId);
        }
    }
}
