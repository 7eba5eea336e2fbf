using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Visibility;
using CrisisGrid.Grains.World;
using Orleans.Concurrency;

namespace CrisisGrid.Grains.Feed;

/// <summary>
/// One per exercise: puts the events that the exercise's grains persisted into sequence order and delivers them to
/// subscribers (the gateway), without gaps or duplicates. Stands in for an Orleans stream, which the registry copy
/// cannot restore.
/// </summary>
[Alias("Feed.IExerciseFeedGrain")]
public interface IExerciseFeedGrain : IGrainWithStringKey
{
    /// <summary>Called by the exercise's grains after their events are durable.</summary>
    Task Publish(IReadOnlyList<RecordedEvent> events);

    /// <summary>
    /// Subscribes (or renews a subscription of) an observer. Returns the sequence number up to which events have
    /// been delivered; the observer receives every later event in order, and reads earlier ones with
    /// <see cref="Read"/>. Subscriptions expire unless renewed within a few minutes.
    /// </summary>
    Task<long> Subscribe(IExerciseFeedObserver observer);

    Task Unsubscribe(IExerciseFeedObserver observer);

    /// <summary>Events after <paramref name="afterSequence"/>, unfiltered: callers filter for their viewer.</summary>
    Task<IReadOnlyList<RecordedEvent>> Read(long afterSequence, int maxCount);

    /// <summary>
    /// Up to <paramref name="maxCount"/> of the events <paramref name="viewer"/> (as the exercise treats it now) may
    /// see after its position <paramref name="afterPosition"/>, numbered in its own numbering: what HTTP event reads
    /// and Resync answer. A team's numbers count only what it may see (see docs/visibility.md).
    /// </summary>
    Task<VisibleEvents> ReadFor(Participant viewer, long afterPosition, int maxCount);

    /// <summary>
    /// <paramref name="viewer"/>'s position (taken as given, not adjusted for the review) at log sequence
    /// <paramref name="sequence"/>: how many events it may see up to there.
    /// </summary>
    /// <remarks>Interleaves: it may wait for publishes still in flight, which must get in meanwhile.</remarks>
    [AlwaysInterleave]
    Task<long> PositionAt(Participant viewer, long sequence);

    /// <summary>The viewer as the exercise treats it now (observers see everything once the review is open).</summary>
    Task<Participant> GetViewer(Participant viewer);

    /// <summary>
    /// What <paramref name="viewer"/> may see now, consistent at one sequence number, numbered in the viewer's own
    /// numbering (its <see cref="ExerciseSnapshot.Sequence"/> is its position).
    /// </summary>
    Task<ExerciseSnapshot> GetSnapshot(Participant viewer);

    /// <summary>
    /// Replays the log to <paramref name="sequence"/> and returns what <paramref name="viewer"/> could see then: the
    /// after-action review's "who knew what when". Only exercise control (for any viewer), or observers once the
    /// review is open, may replay; others get null.
    /// </summary>
    Task<ExerciseSnapshot?> GetSnapshotAt(Participant requester, Participant viewer, long sequence);

    /// <summary>Null when <paramref name="requester"/> may read the whole archive, else why not (Review/ReviewRules.cs).</summary>
    Task<Commands.Rejection?> CheckArchiveAccess(Participant requester);

    /// <summary>The review's chart series, kept current as the log grows; null for a requester who may not read the archive.</summary>
    Task<Review.ReviewSeries?> GetReviewSeries(Participant requester);

    /// <summary>One summary per turn; null for a requester who may not read the archive.</summary>
    Task<System.Collections.Immutable.ImmutableArray<Review.TurnSummary>?> GetTurnSummaries(Participant requester);

    /// <summary>Trust and tension between every pair at event <paramref name="sequence"/>; null for a requester who may not read the archive.</summary>
    Task<Review.RelationMatrix?> GetRelationMatrix(Participant requester, long sequence);
}

/// <summary>Receives an exercise's events in sequence order.</summary>
[Alias("Feed.IExerciseFeedObserver")]
public interface IExerciseFeedObserver : IGrainObserver
{
    [OneWay]
    void OnEvents(string exerciseId, IReadOnlyList<RecordedEvent> events);
}
