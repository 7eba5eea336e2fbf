namespace CrisisGrid.Grains.Review.Checkpoints;

/// <summary>
/// Derived state of an exercise's log (the review's checkpoints), kept in the same database as the log so a long
/// exercise is not refolded from its first event each time its feed activates or a replay seeks. Everything here can
/// be rebuilt from the log: a checkpoint that is missing, unreadable or written by other rules (another
/// <paramref name="format"/>) is simply not used.
/// </summary>
public interface IReviewCheckpointStore
{
    /// <summary>
    /// Writes <paramref name="checkpoints"/> in one transaction, replacing one of the same kind and sequence. A
    /// checkpoint that <see cref="ReviewCheckpoint.ReplacesEarlier">replaces earlier ones</see> removes those of its
    /// kind before it, so only the latest is kept.
    /// </summary>
    Task SaveAsync(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken = default);

    /// <summary>The latest checkpoint of <paramref name="kind"/> at or before <paramref name="atOrBefore"/> written in <paramref name="format"/>, or null.</summary>
    Task<ReviewCheckpoint?> LoadLatestAsync(string exerciseId, string kind, long atOrBefore, string format, CancellationToken cancellationToken = default);
}

/// <summary>One stored checkpoint: what it holds (<paramref name="Kind"/>), the log sequence it was folded to, and the serialized state.</summary>
public sealed record ReviewCheckpoint(string Kind, long Sequence, string Format, byte[] Payload, bool ReplacesEarlier = false);

/// <summary>A store that keeps nothing: every activation folds the whole log (the behaviour before checkpoints were persisted).</summary>
public sealed class NoReviewCheckpoints : IReviewCheckpointStore
{
    public static NoReviewCheckpoints Instance { get; } = new();

    public Task SaveAsync(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReviewCheckpoint?> LoadLatestAsync(string exerciseId, string kind, long atOrBefore, string format, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReviewCheckpoint?>(null);
}
