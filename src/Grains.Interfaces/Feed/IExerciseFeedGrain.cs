using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
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

    /// <summary>The viewer as the exercise treats it now (observers see everything once the review is open).</summary>
    Task<Participant> GetViewer(Participant viewer);

    /// <summary>What <paramref name="viewer"/> may see now, consistent at one sequence number.</summary>
    Task<ExerciseSnapshot> GetSnapshot(Participant viewer);

    /// <summary>
    /// Replays the log to <paramref name="sequence"/> and returns what <paramref name="viewer"/> could see then: the
    /// after-action review's "who knew what when". Only exercise control (for any viewer), or observers once the
    /// review is open, may replay; others get null.
    /// </summary>
    Task<ExerciseSnapshot?> GetSnapshotAt(Participant requester, Participant viewer, long sequence);
}

/// <summary>Receives an exercise's events in sequence order.</summary>
[Alias("Feed.IExerciseFeedObserver")]
public interface IExerciseFeedObserver : IGrainObserver
{
    [OneWay]
    void OnEvents(string exerciseId, IReadOnlyList<RecordedEvent> events);
}
