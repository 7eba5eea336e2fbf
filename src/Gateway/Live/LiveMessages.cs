using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// The receiver's events with positions in (<see cref="From"/>, <see cref="To"/>] of its own numbering: the n-th
/// event a viewer may see has position n (for exercise control, the log's sequence number; see docs/visibility.md).
/// A client keeps a watermark (the last To it applied, or its snapshot's sequence): a batch with From above it means
/// something was missed — call Resync; events at or below it are duplicates to drop.
/// </summary>
public sealed record EventBatch(string ExerciseId, long From, long To, IReadOnlyList<RecordedEvent> Events);

/// <summary>The answer to Join: who you are and everything you may see, consistent at one sequence number.</summary>
public sealed record JoinReply(ExerciseSnapshot Snapshot);

/// <summary>
/// The answer to Resync: the events after the client's watermark, or — when it is too far behind — a fresh
/// snapshot (then <see cref="Batch"/> is null).
/// </summary>
public sealed record ResyncReply(EventBatch? Batch, ExerciseSnapshot? Snapshot);

/// <summary>What the hub pushes to clients.</summary>
public interface IExerciseClient
{
    Task Events(EventBatch batch);

    /// <summary>The connection's join code was revoked; the server closes the connection next.</summary>
    Task Revoked(string reason);
}
