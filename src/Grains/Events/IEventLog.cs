namespace CrisisGrid.Grains.Events;

/// <summary>
/// The durable, ordered event log shared by every exercise (SQLite by default, PostgreSQL for shared deployments).
/// Grains receive it by constructor injection, as they would in Orleans.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> to one stream atomically and durably, assigning the next per-exercise
    /// sequence numbers. Fails with <see cref="EventLogConcurrencyException"/> when the stream's current version is
    /// not <paramref name="expectedVersion"/> (0 for a new stream); then nothing is written. When the task completes
    /// the events survive a crash.
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> AppendAsync(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events,
        CancellationToken cancellationToken = default);

    /// <summary>Every event of one stream, in version order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string exerciseId, string stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// Events of one exercise with <paramref name="afterSequence"/> &lt; sequence ≤ <paramref name="upToSequence"/>
    /// (no upper bound when null), in sequence order, at most <paramref name="maxCount"/>.
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadExerciseAsync(
        string exerciseId,
        long afterSequence = 0,
        long? upToSequence = null,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number of the exercise, 0 when it has none.</summary>
    Task<long> GetLastSequenceAsync(string exerciseId, CancellationToken cancellationToken = default);
}
