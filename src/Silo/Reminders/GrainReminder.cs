using Orleans.Runtime;

namespace CrisisGrid.Silo.Reminders;

/// <summary>The handle a grain gets for a registered reminder.</summary>
internal sealed record GrainReminder(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period) : IGrainReminder
{
    public static GrainReminder From(ReminderEntry entry) => new(entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period);
}
