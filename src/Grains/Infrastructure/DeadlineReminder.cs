using Orleans.Runtime;

namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// Keeps one durable reminder of a grain armed for its earliest pending deadline, and none when nothing is pending.
/// Orleans reminders are periodic (at least a minute), so after the deadline it ticks every minute until the grain
/// has processed it; the grain never relies on the tick's exact time, it processes whatever is due. The reminder
/// table is written only when the wanted time changes.
/// </summary>
internal sealed class DeadlineReminder(IGrainBase grain, string name, TimeProvider time)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private DateTimeOffset? _armedFor;
    private bool _synced;

    public string Name => name;

    public async Task Sync(DateTimeOffset? deadline)
    {
        if (_synced && deadline == _armedFor)
        {
            return;
        }

        if (deadline is { } at)
        {
            var due = at - time.GetUtcNow();
            await grain.RegisterOrUpdateReminder(name, due > TimeSpan.Zero ? due : TimeSpan.Zero, Period);
        }
        else if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        (_armedFor, _synced) = (deadline, true);
    }
}
