using Orleans.Runtime;

namespace Orleans.Timers;

/// <summary>
/// Persistent reminders: they survive deactivation and restarts, and a due reminder activates its grain.
/// Implemented by the host on top of a durable reminder table.
/// </summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName);

    Task<List<IGrainReminder>> GetReminders(GrainId callingGrainId);
}
