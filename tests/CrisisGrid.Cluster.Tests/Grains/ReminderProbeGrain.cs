namespace CrisisGrid.Cluster.Tests.Grains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task StartTicking(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Counted outside the grain: the silos run in the test's process, and the grain may be re-activated on
        // another silo (losing its fields) when its silo stops.
        ReminderTicks.Record(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
