using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
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
    private WorldState _world = null!;

    private string ExerciseId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _world = WorldState.Empty(ExerciseId);
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
        var delivered = new List<RecordedEvent>(batch.Count);
        foreach (var recorded in batch)
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

    public Task<Participant> GetViewer(Participant viewer) => Task.FromResult(_world.Effective(viewer));

    public Task<ExerciseSnapshot> GetSnapshot(Participant viewer) => Task.FromResult(Snapshots.Build(_world, viewer, _recent));

    public async Task<ExerciseSnapshot?> GetSnapshotAt(Participant requester, Participant viewer, long sequence)
    {
        var allowed = requester.IsControl || (requester.Role == ParticipantRole.Observer && _world.Exercise.ReviewOpen);
        if (!allowed || sequence < 0)
        {
            return null;
        }

        var events = await log.ReadExerciseAsync(ExerciseId, 0, Math.Min(sequence, _world.Sequence));
        return Snapshots.Build(WorldState.Replay(ExerciseId, events), viewer, events);
    }

    private void Fold(RecordedEvent recorded)
    {
        _world = _world.Apply(recorded);
        _recent.AddLast(recorded);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveFirst();
        }
    }
}
