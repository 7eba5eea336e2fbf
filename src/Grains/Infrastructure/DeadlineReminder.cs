using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// Keeps a grain's earliest pending deadline armed twice, and nothing armed when no deadline is pending:
/// <list type="bullet">
/// <item>a timer on the rules' clock fires at the deadline itself while the grain is active. Orleans reminders tick
/// at most once a minute, too coarse for a 30-second silence procedure, and a test that moves the rules' clock
/// expects the deadline to fall when it passes;</item>
/// <item>a durable Orleans reminder is the backstop: after a restart or the loss of the silo it reactivates the grain
/// (on a survivor) at the deadline and then every minute until the grain has processed it.</item>
/// </list>
/// Both only wake the grain: it never relies on when the wake-up comes, it processes whatever is due. The reminder
/// table is written only when the wanted time changes.
/// </summary>
internal sealed class DeadlineReminder(Grain grain, string name, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private DateTimeOffset? _armedFor;
    private bool _synced;
    private ITimer? _timer;

    public string Name => name;

    public async Task Sync(DateTimeOffset? deadline)
    {
        if (_synced && deadline == _armedFor)
        {
            return;
        }

        _timer?.Dispose();
        _timer = null;
        if (deadline is { } at)
        {
            var due = at - time.GetUtcNow();
            due = due > TimeSpan.Zero ? due : TimeSpan.Zero;
            await grain.RegisterOrUpdateReminder(name, due, Period);
            _timer = time.CreateTimer(_ => Wake(), null, due, Timeout.InfiniteTimeSpan);
        }
        else if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        (_armedFor, _synced) = (deadline, true);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    // The timer fires off the grain's scheduler (on the clock's thread), so it calls the grain like anyone else would:
    // through its reference, as one more turn. Failures are logged; the durable reminder still comes.
    private void Wake() =>
        _ = grain.AsReference<IRemindable>().ReceiveReminder(name, default).ContinueWith(
            t => logger.LogWarning(t.Exception, "Waking {Grain} for deadline {Reminder} failed", grain.GetGrainId(), name),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
}
