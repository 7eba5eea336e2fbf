using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Visibility;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.World;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CrisisGrid.Grains.Feed;

/// <summary>
/// Orders an exercise's events and fans them out. Grains publish after their append is durable; since a sequence
/// number is only handed out once every lower one is committed, a gap seen here is filled by reading the log, so
/// subscribers receive every event exactly once, in order. The grain also folds the log into a
/// <see cref="WorldState"/> for consistent snapshots.
/// </summary>
public sealed class ExerciseFeedGrain(IEventLog log, ILogger<ExerciseFeedGrain> logger) : Grain, IExerciseFeedGrain
{
    // Enough for a reconnecting client's catch-up without touching the database; older reads go to the log.
    private const int RecentCapacity = 4096;

    private readonly LinkedList<RecordedEvent> _recent = new();
    // Subscriptions lapse unless renewed: a gateway that died stops costing notifications within a minute. Gateways
    // renew every few seconds (and resubscribe to a feed that moved to another silo). Runtime machinery: real clock.
    private readonly ObserverManager<IExerciseFeedObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private readonly ViewerNumbering _numbering = new();
    private ReviewArchive _archive = null!;
    private ReviewSeriesBuilder _series = null!;
    private TurnSummaryBuilder _turns = null!;
    private WorldState _world = null!;

    private string ExerciseId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _world = WorldState.Empty(ExerciseId);
        _archive = new ReviewArchive(log, ExerciseId);
        _series = new ReviewSeriesBuilder(ExerciseId);
        _turns = new TurnSummaryBuilder(ExerciseId);
        foreach (var recorded in await log.ReadExerciseAsync(ExerciseId, cancellationToken: cancellationToken))
        {
            Fold(recorded);
        }
    }

    public async Task Publish(IReadOnlyList<RecordedEvent> events)
    {
        var fresh = events.Where(e => e.Sequence > _world.Sequence).OrderBy(e => e.Sequence).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var batch = new List<RecordedEvent>();
        if (fresh[0].Sequence > _world.Sequence + 1)
        {
            // Events committed by another grain whose publish has not arrived (or was lost): read them from the log.
            batch.AddRange(await log.ReadExerciseAsync(ExerciseId, _world.Sequence, fresh[0].Sequence - 1));
        }

        batch.AddRange(fresh);
        Deliver(batch);
    }

    public Task<long> Subscribe(IExerciseFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(_world.Sequence);
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

        return await log.ReadExerciseAsync(ExerciseId, afterSequence, _world.Sequence, maxCount);
    }

    public async Task<VisibleEvents> ReadFor(Participant viewer, long afterPosition, int maxCount)
    {
        var effective = _world.Effective(viewer);
        afterPosition = Math.Max(0, afterPosition);
        var sequences = _numbering.SequencesAfter(effective, afterPosition, maxCount);
        var events = sequences.Count == 0
            ? []
            : ViewerEvents.Visible(await ReadRange(sequences[0] - 1, sequences[^1]), effective, afterPosition);
        var to = sequences.Count < maxCount ? _numbering.PositionAt(effective, _world.Sequence) : events[^1].Sequence;
        return new VisibleEvents(afterPosition, Math.Max(afterPosition, to), [.. events], _numbering.Continues(effective, afterPosition));
    }

    public async Task<long> PositionAt(Participant viewer, long sequence)
    {
        if (sequence > _world.Sequence)
        {
            // A command's events are published before it is answered; should a publish have failed, the log has them.
            Deliver(await log.ReadExerciseAsync(ExerciseId, _world.Sequence, sequence));
        }

        return _numbering.PositionAt(viewer, sequence);
    }

    public Task<Participant> GetViewer(Participant viewer) => Task.FromResult(_world.Effective(viewer));

    public Task<ExerciseSnapshot> GetSnapshot(Participant viewer) => Task.FromResult(Snapshots.BuildNumbered(_world, viewer, _numbering, _recent));

    public async Task<ExerciseSnapshot?> GetSnapshotAt(Participant requester, Participant viewer, long sequence)
    {
        if (!ReviewRules.MayReplay(_world.Exercise, requester, viewer) || sequence < 0)
        {
            return null;
        }

        // From the nearest checkpoint, not a refold of the whole log (issue 7: a slider step answers in < 100 ms).
        return await _archive.At(viewer, sequence, _world.Sequence);
    }

    /// <summary>Folds the events that continue the log (in order, from the next sequence) and notifies subscribers.</summary>
    private void Deliver(IEnumerable<RecordedEvent> batch)
    {
        var delivered = new List<RecordedEvent>();
        foreach (var recorded in batch.OrderBy(e => e.Sequence))
        {
            if (recorded.Sequence == _world.Sequence + 1)
            {
                Fold(recorded);
                delivered.Add(recorded);
            }
            else if (recorded.Sequence > _world.Sequence + 1)
            {
                logger.LogError("Feed of {Exercise} cannot deliver {Sequence}: the log has a gap after {Last}", ExerciseId, recorded.Sequence, _world.Sequence);
                break;
            }
        }

        if (delivered.Count > 0)
        {
            _observers.Notify(o => o.OnEvents(ExerciseId, delivered));
        }
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
        Task.FromResult(ReviewRules.MayReadArchive(_world.Exercise, requester));

    public Task<ReviewSeries?> GetReviewSeries(Participant requester) =>
        Task.FromResult(ReviewRules.MayReadArchive(_world.Exercise, requester) is null ? _series.Build() : null);

    public Task<System.Collections.Immutable.ImmutableArray<TurnSummary>?> GetTurnSummaries(Participant requester) =>
        Task.FromResult<System.Collections.Immutable.ImmutableArray<TurnSummary>?>(ReviewRules.MayReadArchive(_world.Exercise, requester) is null ? _turns.Build() : null);

    public async Task<RelationMatrix?> GetRelationMatrix(Participant requester, long sequence) =>
        ReviewRules.MayReadArchive(_world.Exercise, requester) is null && sequence >= 0
            ? RelationMatrices.From(await _archive.WorldAt(sequence, _world.Sequence))
            : null;

    private void Fold(RecordedEvent recorded)
    {
        _world = _world.Apply(recorded);
        _numbering.Add(recorded);
        _archive.Folded(_world);
        _series.Observe(recorded, _world);
        _turns.Observe(recorded, _world);
        _recent.AddLast(recorded);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveFirst();
        }
    }
}
