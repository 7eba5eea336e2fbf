using Orleans.Runtime;

namespace CrisisGrid.Silo.Reminders;

/// <summary>
/// Durable storage of reminder registrations (the counterpart of Orleans' IReminderTable). A reminder fires first at
/// <see cref="ReminderEntry.StartAt"/> and then every <see cref="ReminderEntry.Period"/>.
/// </summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default);

    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    Task RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);
}

public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period);
