using Orleans.Runtime;

namespace Orleans;

/// <summary>Grains that register reminders implement this; the runtime activates them to deliver ticks.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
