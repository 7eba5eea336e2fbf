using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task Unregister(string name);

    Task<IReadOnlyList<string>> Names();

    Task<bool> Has(string name);

    Task DeactivateSelf();
}

/// <summary>
/// Records each tick in the probe ("reminder:key:name" counter, and the TickStatus as an event). A reminder whose
/// name starts with "once" unregisters itself inside ReceiveReminder; one whose name starts with "flaky" throws on
/// its first tick.
/// </summary>
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    private readonly Probe _probe;

    public ReminderGrain(Probe probe)
    {
        _probe = probe;
        probe.Increment($"reminder-ctor:{this.GetPrimaryKeyString()}");
    }

    public async Task Register(string name, TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Unregister(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"no reminder {name}");
        await this.UnregisterReminder(reminder);
    }

    public async Task<IReadOnlyList<string>> Names() => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order()];

    public async Task<bool> Has(string name) => await this.GetReminder(name) is not null;

    public Task DeactivateSelf()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var key = this.GetPrimaryKeyString();
        _probe.Record($"{key}:{reminderName}:{status.FirstTickTime:O}:{status.Period}:{status.CurrentTickTime:O}");
        if (reminderName.StartsWith("flaky", StringComparison.Ordinal) && _probe.Count($"reminder-failed:{key}:{reminderName}") == 0)
        {
            _probe.Increment($"reminder-failed:{key}:{reminderName}");
            throw new InvalidOperationException("the first tick fails");
        }

        if (reminderName.StartsWith("once", StringComparison.Ordinal))
        {
            await this.UnregisterReminder((await this.GetReminder(reminderName))!);
        }

        _probe.Increment($"reminder:{key}:{reminderName}");
    }
}
