using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.World;

/// <summary>
/// The whole exercise at one sequence number: a pure fold of its log, stream by stream, with the same transition
/// functions the grains use. It gives consistent snapshots (every grain at the same moment) and replays: the state at
/// sequence N is the fold of events 1..N. Serializable because the review persists it as a checkpoint
/// (<see cref="Review.Checkpoints.ReviewCheckpoints"/>), never sent between grains.
/// </summary>
[GenerateSerializer, Immutable, Alias("World.WorldState")]
public sealed record WorldState(
    string ExerciseId,
    long Sequence,
    ExerciseState Exercise,
    ImmutableSortedDictionary<string, NationState> Nations,
    ImmutableSortedDictionary<string, AllianceState> Alliances,
    ImmutableSortedDictionary<string, NegotiationState>? Negotiations = null)
{
    /// <summary>The negotiation sessions folded so far, by session id.</summary>
    public ImmutableSortedDictionary<string, NegotiationState> Sessions =>
        Negotiations ?? ImmutableSortedDictionary<string, NegotiationState>.Empty.WithComparers(StringComparer.Ordinal);

    public static WorldState Empty(string exerciseId) => new(
        exerciseId,
        0,
        ExerciseState.Empty(exerciseId),
        ImmutableSortedDictionary<string, NationState>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, AllianceState>.Empty.WithComparers(StringComparer.Ordinal));

    public static WorldState Replay(string exerciseId, IEnumerable<RecordedEvent> log) =>
        log.Aggregate(Empty(exerciseId), (world, e) => world.Apply(e));

    public WorldState Apply(RecordedEvent recorded)
    {
        if (recorded.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException(
                $"Exercise {ExerciseId}: event {recorded.Sequence} applied after {Sequence}; the log must be folded in order without gaps.");
        }

        var next = this with { Sequence = recorded.Sequence };
        if (recorded.Stream == StreamNames.Exercise)
        {
            return next with { Exercise = ExerciseEvolve.Apply(Exercise, recorded) };
        }

        if (StreamNames.IsNation(recorded.Stream, out var nation))
        {
            var current = Nations.GetValueOrDefault(nation) ?? NationState.Empty(nation);
            return next with { Nations = Nations.SetItem(nation, NationEvolve.Apply(current, recorded.Event)) };
        }

        if (StreamNames.IsAlliance(recorded.Stream, out var alliance))
        {
            var current = Alliances.GetValueOrDefault(alliance) ?? AllianceState.Empty(alliance);
            return next with { Alliances = Alliances.SetItem(alliance, AllianceEvolve.Apply(current, recorded.Event)) };
        }

        if (StreamNames.IsNegotiation(recorded.Stream, out var session))
        {
            var current = Sessions.GetValueOrDefault(session) ?? NegotiationState.Empty(session);
            return next with { Negotiations = Sessions.SetItem(session, NegotiationEvolve.Apply(current, recorded)) };
        }

        return next;
    }

    /// <summary>The viewer as the exercise treats it now: observers get the full view once the review is open.</summary>
    public Participant Effective(Participant viewer) => Visibility.VisibilityPolicy.InExercise(viewer, Exercise.ReviewOpen);
}
