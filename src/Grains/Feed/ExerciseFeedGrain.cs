using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Visibility;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Review.Checkpoints;
using CrisisGrid.Grains.World;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Utilities;

namespace CrisisGrid.Grains.Feed;

/// <summary>
/// Orders an exercise's events and fans them out. Grains publish after their append is durable; since a sequence
/// number is only handed out once every lower one is committed, an event that arrives ahead of a lower one is held
/// until the lower one's publish arrives, or read from the log after a short wait (its publisher may have died), so
/// subscribers receive every event exactly once, in order. The grain also folds the log into a
/// <see cref="WorldState"/> for consistent snapshots, and keeps the review's checkpoints in the database: it activates
/// from the latest persisted projection and folds only the events after it (issue 7: a long exercise's review opens
/// in under 2 s).
/// </summary>
public sealed class ExerciseFeedGrain(IEventLog log, IReviewCheckpointStore checkpointStore, Serializer serializer, ILogger<ExerciseFeedGrain> logger)
    : Grain, IExerciseFeedGrain
{
    // Enough for a reconnecting client's catch-up without touching the database; older reads go to the log.
    private const int RecentCapacity = 4096;

    // Grains of one exercise commit in one order and publish in another; a missing event is nearly always a publish
    // still in flight. It is awaited this long before the log is read for it (one read instead of one per race).
    private static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(50);
    private const int MaxEarly = 1024;

    private readonly LinkedList<RecordedEvent> _recent = new();
    // Subscriptions lapse unless renewed: a gateway that died stops costing notifications within a minute. Gateways
    // renew every few seconds (and resubscribe to a feed that moved to another silo). Runtime machinery: real clock.
    private readonly ObserverManager<IExerciseFeedObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private readonly List<WorldState> _unsavedCheckpoints = [];
    private FeedProjection _projection = null!;
    private ReviewArchive _archive = null!;
    private ReviewCheckpoints _checkpoints = null!;
    private long _feedSavedAt;
    private Task _saving = Task.CompletedTask;
    // Published events that arrived ahead of a lower sequence number, by sequence; delivered once the gap closes.
    private readonly SortedDictionary<long, RecordedEvent> _early = [];
    private IGrainTimer? _gapTimer;
    private readonly List<(long Sequence, TaskCompletionSource Reached)> _waiters = [];

    private string ExerciseId => this.GetPrimaryKeyString();

    private WorldState World => _projection.World;

    private ViewerNumbering Numbering => _projection.Numbering;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _checkpoints = new ReviewCheckpoints(checkpointStore, serializer, ExerciseId, logger);
        _archive = new ReviewArchive(log, ExerciseId, persisted: _checkpoints.LoadWorld);
        _projection = FeedProjection.Empty(ExerciseId);

        // The latest persisted projection, unless the log is shorter (a database restored from an older backup).
        var last = await log.GetLastSequenceAsync(ExerciseId, cancellationToken);
        var restoredAt = 0L;
        if (await _checkpoints.LoadFeed(last) is { } checkpoint)
        {
            _projection = FeedProjection.Restore(checkpoint);
            _feedSavedAt = World.Sequence;
            restoredAt = World.Sequence;
            _archive.Folded(World);

            // The live snapshot's recent events: the last few thousand before the checkpoint, as a full fold keeps.
            foreach (var recorded in await log.ReadExerciseAsync(ExerciseId, Math.Max(0, World.Sequence - RecentCapacity), World.Sequence, cancellationToken: cancellationToken))
            {
                Remember(recorded);
            }
        }

        foreach (var recorded in await log.ReadExerciseAsync(ExerciseId, World.Sequence, cancellationToken: cancellationToken))
        {
            Fold(recorded);
        }

        await SaveCheckpoints();
        logger.LogInformation(
            "Feed of {Exercise} activated at event {Sequence} from a checkpoint at event {Checkpoint} in {Elapsed:0} ms",
            ExerciseId,
            World.Sequence,
            restoredAt,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The next activation folds nothing that this one already did.
        await _saving;
        await SaveCheckpoints(force: true);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task Publish(IReadOnlyList<RecordedEvent> events)
    {
        foreach (var recorded in events)
        {
            if (recorded.Sequence > World.Sequence)
            {
                _early[recorded.Sequence] = recorded;
            }
        }

        DeliverEarly();
        if (_early.Count > MaxEarly)
        {
            return FillGap();
        }

        if (_early.Count > 0)
        {
            _gapTimer ??= this.RegisterGrainTimer(_ => FillGap(), GapPatience, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public Task<long> Subscribe(IExerciseFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(World.Sequence);
    }

    public Task Unsubscribe(IExerciseFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<RecordedEvent>> Read(long afterSequence, int maxCount)
    {
        if (_recent.First is { } oldest && afterSequence >= oldest.Value.Sequence - 1)
        {
            return [.. _recent.Where(e => e.Sequence > afterSequence).Take(maxCount)];
        }

        return await log.ReadExerciseAsync(ExerciseId, afterSequence, World.Sequence, maxCount);
    }

    public async Task<VisibleEvents> ReadFor(Participant viewer, long afterPosition, int maxCount)
    {
        var effective = World.Effective(viewer);
        afterPosition = Math.Max(0, afterPosition);
        var sequences = Numbering.SequencesAfter(effective, afterPosition, maxCount);
        // Taken before the read: PositionAt interleaves and may deliver more meanwhile, which this answer must not claim.
        var end = Numbering.PositionAt(effective, World.Sequence);
        var events = sequences.Count == 0
            ? []
            : ViewerEvents.Visible(await ReadRange(sequences[0] - 1, sequences[^1]), effective, afterPosition);
        var to = sequences.Count < maxCount ? end : events[^1].Sequence;
        return new VisibleEvents(afterPosition, Math.Max(afterPosition, to), [.. events], Numbering.Continues(effective, afterPosition));
    }

    public async Task<long> PositionAt(Participant viewer, long sequence)
    {
        if (sequence > World.Sequence)
        {
            // A command's events are published before it is answered, but another grain's earlier event may still be
            // on its way: wait for the gap to close (interleaved, so the publishes get in), then read the log.
            await Reached(sequence);
        }

        if (sequence > World.Sequence)
        {
            await CatchUpFromLog(sequence);
        }

        return Numbering.PositionAt(viewer, sequence);
    }

    public Task<Participant> GetViewer(Participant viewer) => Task.FromResult(World.Effective(viewer));

    public Task<ExerciseSnapshot> GetSnapshot(Participant viewer) => Task.FromResult(Snapshots.BuildNumbered(World, viewer, Numbering, _recent));

    public async Task<ExerciseSnapshot?> GetSnapshotAt(Participant requester, Participant viewer, long sequence)
    {
        if (!ReviewRules.MayReplay(World.Exercise, requester, viewer) || sequence < 0)
        {
            return null;
        }

        // From the nearest checkpoint, not a refold of the whole log (issue 7: a slider step answers in < 100 ms).
        return await _archive.At(viewer, sequence, World.Sequence);
    }

    /// <summary>Folds the events that continue the log (in order, from the next sequence) and notifies subscribers.</summary>
    private void Deliver(IEnumerable<RecordedEvent> batch)
    {
        var delivered = new List<RecordedEvent>();
        foreach (var recorded in batch.OrderBy(e => e.Sequence))
        {
            if (recorded.Sequence == World.Sequence + 1)
            {
                Fold(recorded);
                delivered.Add(recorded);
            }
            else if (recorded.Sequence > World.Sequence + 1)
            {
                logger.LogError("Feed of {Exercise} cannot deliver {Sequence}: the log has a gap after {Last}", ExerciseId, recorded.Sequence, World.Sequence);
                break;
            }
        }

        if (delivered.Count > 0)
        {
            _observers.Notify(o => o.OnEvents(ExerciseId, delivered));
            SaveCheckpointsInBackground();
        }

        _waiters.RemoveAll(w => w.Sequence <= World.Sequence && w.Reached.TrySetResult());
    }

    /// <summary>Delivers the early events that now continue the log, and forgets those the log already delivered.</summary>
    private void DeliverEarly()
    {
        var next = new List<RecordedEvent>();
        while (_early.Count > 0)
        {
            var (sequence, recorded) = _early.First();
            if (sequence > World.Sequence + next.Count + 1)
            {
                break;
            }

            _early.Remove(sequence);
            if (sequence == World.Sequence + next.Count + 1)
            {
                next.Add(recorded);
            }
        }

        if (next.Count > 0)
        {
            Deliver(next);
        }

        if (_early.Count == 0 && _gapTimer is not null)
        {
            _gapTimer.Dispose();
            _gapTimer = null;
        }
    }

    /// <summary>
    /// The events before the first early one never arrived in time (their publisher is slow, or died after its append):
    /// the log has them.
    /// </summary>
    private async Task FillGap()
    {
        _gapTimer?.Dispose();
        _gapTimer = null;
        if (_early.Count > 0)
        {
            await CatchUpFromLog(_early.Keys.First() - 1);
        }
    }

    private async Task CatchUpFromLog(long upTo)
    {
        if (upTo > World.Sequence)
        {
            Deliver(await log.ReadExerciseAsync(ExerciseId, World.Sequence, upTo));
        }

        DeliverEarly();
    }

    /// <summary>Completes once the feed has delivered up to <paramref name="sequence"/>, or after <see cref="GapPatience"/>.</summary>
    private async Task Reached(long sequence)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((sequence, reached));
        await Task.WhenAny(reached.Task, Task.Delay(GapPatience));
        _waiters.RemoveAll(w => w.Reached == reached);
    }

    /// <summary>The log's events in (<paramref name="after"/>, <paramref name="upTo"/>], from memory when recent enough.</summary>
    private async Task<IReadOnlyList<RecordedEvent>> ReadRange(long after, long upTo)
    {
        if (_recent.First is { } oldest && after >= oldest.Value.Sequence - 1)
        {
            return [.. _recent.Where(e => e.Sequence > after && e.Sequence <= upTo)];
        }

        return await log.ReadExerciseAsync(ExerciseId, after, upTo);
    }

    public Task<Commands.Rejection?> CheckArchiveAccess(Participant requester) =>
        Task.FromResult(ReviewRules.MayReadArchive(World.Exercise, requester));

    public Task<ReviewSeries?> GetReviewSeries(Participant requester) =>
        Task.FromResult(ReviewRules.MayReadArchive(World.Exercise, requester) is null ? _projection.Series.Build() : null);

    public Task<System.Collections.Immutable.ImmutableArray<TurnSummary>?> GetTurnSummaries(Participant requester) =>
        Task.FromResult<System.Collections.Immutable.ImmutableArray<TurnSummary>?>(ReviewRules.MayReadArchive(World.Exercise, requester) is null ? _projection.Turns.Build() : null);

    public async Task<RelationMatrix?> GetRelationMatrix(Participant requester, long sequence) =>
        ReviewRules.MayReadArchive(World.Exercise, requester) is null && sequence >= 0
            ? RelationMatrices.From(await _archive.WorldAt(sequence, World.Sequence))
            : null;

    private void Fold(RecordedEvent recorded)
    {
        _projection.Fold(recorded);
        _archive.Folded(World);
        if (World.Sequence % _archive.Checkpoints.Interval == 0)
        {
            _unsavedCheckpoints.Add(World);
        }

        Remember(recorded);
    }

    private void Remember(RecordedEvent recorded)
    {
        _recent.AddLast(recorded);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveFirst();
        }
    }

    /// <summary>
    /// Writes the world checkpoints folded since the last save, and the whole projection once it is
    /// <see cref="ReviewCheckpoints.FeedEvery"/> events old (or when <paramref name="force"/>d).
    /// </summary>
    private Task SaveCheckpoints(bool force = false) => TakeDueCheckpoints(force) is { } due ? _checkpoints.Save(due.Worlds, due.Feed) : Task.CompletedTask;

    /// <summary>
    /// The same, without holding up the events behind it: a checkpoint is a cache of the log, never part of delivering
    /// or acknowledging. What is due is taken here (on the grain's turn: the projection changes with every fold); the
    /// serializing and writing run on the thread pool, one save at a time; what falls due meanwhile waits for the next.
    /// </summary>
    private void SaveCheckpointsInBackground()
    {
        if (_saving.IsCompleted && TakeDueCheckpoints(force: false) is { } due)
        {
            _saving = Task.Run(() => _checkpoints.Save(due.Worlds, due.Feed));
        }
    }

    private (List<WorldState> Worlds, FeedCheckpoint? Feed)? TakeDueCheckpoints(bool force)
    {
        var feedDue = World.Sequence > _feedSavedAt && (force || World.Sequence - _feedSavedAt >= ReviewCheckpoints.FeedEvery);
        if (_unsavedCheckpoints.Count == 0 && !feedDue)
        {
            return null;
        }

        var worlds = new List<WorldState>(_unsavedCheckpoints);
        _unsavedCheckpoints.Clear();
        if (feedDue)
        {
            _feedSavedAt = World.Sequence;
        }

        return (worlds, feedDue ? _projection.ToCheckpoint() : null);
    }
}
