using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// Builds the review's chart series from the log, one event at a time (so the feed grain keeps them current while it
/// folds, and a long exercise is never refolded for its charts). The world is sampled at every turn start and phase
/// change — where indices move, since effects are delivered around adjudication — and at the end. Sampled worlds are
/// kept as they are: <see cref="WorldState"/> is immutable and shares structure, so a sample is cheap.
/// </summary>
public sealed class ReviewSeriesBuilder(string exerciseId)
{
    private readonly List<(ReviewPoint Point, WorldState World)> _samples = [];
    private readonly List<ReviewMarker> _markers = [];
    private readonly List<OverrideRecord> _overrides = [];
    private readonly List<FreeRiderRecord> _freeRiders = [];
    private readonly SortedDictionary<int, (ImmutableSortedDictionary<string, int> Orders, ImmutableArray<string> Missed)> _orders = [];
    private ImmutableSortedDictionary<string, NegotiationRecord> _negotiations = ImmutableSortedDictionary<string, NegotiationRecord>.Empty.WithComparers(StringComparer.Ordinal);
    private WorldState _world = WorldState.Empty(exerciseId);
    private DateTimeOffset _lastAt;

    public static ReviewSeries From(string exerciseId, IEnumerable<RecordedEvent> log)
    {
        var builder = new ReviewSeriesBuilder(exerciseId);
        var world = WorldState.Empty(exerciseId);
        foreach (var recorded in log)
        {
            world = world.Apply(recorded);
            builder.Observe(recorded, world);
        }

        return builder.Build();
    }

    /// <summary>Takes the next event of the log and the world after it.</summary>
    public void Observe(RecordedEvent recorded, WorldState after)
    {
        _world = after;
        _lastAt = recorded.RecordedAt;
        var turn = after.Exercise.Turn;
        if (StreamNames.IsNegotiation(recorded.Stream, out var session))
        {
            _negotiations = _negotiations.SetItem(session, NegotiationCharting.Observe(_negotiations.GetValueOrDefault(session), recorded, after));
        }

        switch (recorded.Event)
        {
            case TurnStarted or PhaseChanged:
                Sample(recorded, after);
                break;
            case InjectReleased released:
                _markers.Add(new(recorded.Sequence, turn, recorded.RecordedAt, ReviewMarkerKind.Inject, released.Inject.Title));
                break;
            case DraftDecided decided when StreamName(recorded) is { } alliance:
                _markers.Add(new(recorded.Sequence, turn, recorded.RecordedAt, ReviewMarkerKind.Decision, $"{alliance}: draft {decided.DraftId} {decided.Result.Status.ToString().ToLowerInvariant()}"));
                break;
            case OutcomeOverridden overridden:
                var actor = after.Exercise.Outcomes.GetValueOrDefault(overridden.OutcomeId)?.Actor ?? "";
                _overrides.Add(new(recorded.Sequence, turn, recorded.RecordedAt, $"outcome {overridden.OutcomeId} overridden", actor, overridden.Reason));
                _markers.Add(new(recorded.Sequence, turn, recorded.RecordedAt, ReviewMarkerKind.Override, $"Override of {overridden.OutcomeId}"));
                break;
            case Exercises.AdjudicationReview.OutcomeReviewed { Verdict: not Exercises.AdjudicationReview.OutcomeVerdict.Approve } reviewed:
                // An amendment or a void in the review queue is control's correction before release, with its rationale.
                var verdict = reviewed.Verdict == Exercises.AdjudicationReview.OutcomeVerdict.Amend ? "amended" : "voided";
                _overrides.Add(new(recorded.Sequence, turn, recorded.RecordedAt, $"outcome {verdict} in review", reviewed.Actor, reviewed.Rationale ?? ""));
                _markers.Add(new(recorded.Sequence, turn, recorded.RecordedAt, ReviewMarkerKind.Override, $"{reviewed.Actor}'s outcome {verdict} in review"));
                break;
            case NationAdjusted adjusted:
                _overrides.Add(new(recorded.Sequence, turn, recorded.RecordedAt, "nation adjusted", adjusted.Delta.Nation, adjusted.Reason));
                _markers.Add(new(recorded.Sequence, turn, recorded.RecordedAt, ReviewMarkerKind.Override, $"{adjusted.Delta.Nation} adjusted"));
                break;
            case OrdersClosed closed when StreamNames.IsNation(recorded.Stream, out var nation):
                var entry = TurnEntry(closed.Turn);
                _orders[closed.Turn] = entry with { Orders = entry.Orders.SetItem(nation, closed.Orders.Length) };
                break;
            case OrdersMissed missed:
                var turnEntry = TurnEntry(missed.Turn);
                _orders[missed.Turn] = turnEntry with { Missed = turnEntry.Missed.Add(missed.Nation) };
                break;
            case DefenceResponsesClosed closedResponses when StreamName(recorded) is { } defender:
                _freeRiders.Add(new(defender, closedResponses.InvocationId, closedResponses.At, closedResponses.FreeRiders));
                break;
        }
    }

    /// <summary>What this builder has gathered, for a persisted checkpoint (<see cref="Checkpoints.FeedCheckpoint"/>).</summary>
    public Checkpoints.SeriesCheckpoint ToCheckpoint() => new(
        [.. _samples.Select(s => s.Point)],
        [.. _samples.Select(s => s.World)],
        [.. _markers],
        [.. _overrides],
        [.. _freeRiders],
        [.. _orders.Select(o => new TurnOrders(o.Key, o.Value.Orders, o.Value.Missed))],
        _world,
        _lastAt,
        [.. _negotiations.Values]);

    /// <summary>A builder that carries on from <paramref name="checkpoint"/> as if it had observed the log up to there.</summary>
    public static ReviewSeriesBuilder Restore(Checkpoints.SeriesCheckpoint checkpoint)
    {
        var builder = new ReviewSeriesBuilder(checkpoint.World.ExerciseId) { _world = checkpoint.World, _lastAt = checkpoint.LastAt };
        builder._samples.AddRange(checkpoint.Points.Zip(checkpoint.Worlds));
        builder._markers.AddRange(checkpoint.Markers);
        builder._overrides.AddRange(checkpoint.Overrides);
        builder._freeRiders.AddRange(checkpoint.FreeRiders);
        builder._negotiations = builder._negotiations.SetItems(checkpoint.Negotiations.Select(n => KeyValuePair.Create(n.Session, n)));
        foreach (var orders in checkpoint.Orders)
        {
            builder._orders[orders.Turn] = (orders.Orders, orders.Missed);
        }

        return builder;
    }

    public ReviewSeries Build()
    {
        var samples = _samples.ToList();
        if (samples.Count == 0 || samples[^1].World.Sequence != _world.Sequence)
        {
            samples.Add((Point(_world.Sequence, _world, _lastAt), _world));
        }

        var nations = _world.Nations.Values.Where(n => n.Initialized).ToList();
        var alliances = _world.Alliances.Values.Where(a => a.Initialized).ToList();
        return new ReviewSeries(
            _world.ExerciseId,
            _world.Sequence,
            [.. samples.Select(s => s.Point)],
            [.. nations.Select(n => new NationIndexSeries(n.Code, n.Name, [.. samples.Select(s => At(s.World, n.Code).Indices)]))],
            [.. from a in nations
                from b in nations
                where a.Code != b.Code && a.Knows(b.Code)
                select new RelationSeries(
                    a.Code,
                    b.Code,
                    [.. samples.Select(s => At(s.World, a.Code).RelationWith(b.Code).Trust)],
                    [.. samples.Select(s => At(s.World, a.Code).RelationWith(b.Code).Tension)])],
            [.. alliances.Select(a => new CohesionSeries(a.Code, a.Name, [.. samples.Select(s => Cohesion(s.World, a.Code))]))],
            [.. alliances.SelectMany(a => a.Consultations.Values.Select(c => Consultation(a, c))).OrderBy(c => c.RequestedAt)],
            [.. alliances.SelectMany(a => a.Drafts.Values.Select(d => Decision(a, d))).OrderBy(d => d.TabledAt)],
            [.. _freeRiders],
            [.. _orders.Select(o => new TurnOrders(o.Key, o.Value.Orders, o.Value.Missed))],
            [.. _overrides],
            [.. _markers],
            [.. _negotiations.Values.Where(n => !n.Phases.IsEmpty).OrderBy(n => n.Phases[0].Sequence)]);
    }

    private static NationState At(WorldState world, string nation) =>
        world.Nations.TryGetValue(nation, out var state) && state.Initialized ? state : NationState.Empty(nation);

    private static int Cohesion(WorldState world, string alliance) =>
        world.Alliances.TryGetValue(alliance, out var state) && state.Initialized ? AllianceCohesion.Compute(state).Index : 100;

    private static ConsultationRecord Consultation(AllianceState alliance, Consultation c) => new(
        alliance.Code,
        c.Id,
        c.RequestedBy,
        c.RequestedAt,
        c.ConvenedAt,
        c.Outcome?.At,
        c.Status.ToString(),
        c.Outcome?.Support ?? c.Positions.Values.Count(p => p.Kind == PositionKind.Support),
        c.Outcome?.Oppose ?? c.Positions.Values.Count(p => p.Kind == PositionKind.Oppose),
        c.Outcome?.Abstain ?? c.Positions.Values.Count(p => p.Kind == PositionKind.Abstain),
        c.Outcome?.Silent ?? [.. c.Notified.Where(n => !c.Positions.ContainsKey(n))]);

    private static DecisionRecord Decision(AllianceState alliance, Draft d)
    {
        var decidedAt = d.Result?.At ?? d.WithdrawnAt;
        var eligible = d.Result?.Tally.Eligible ?? alliance.EligibleFor(d);
        return new DecisionRecord(
            alliance.Code,
            d.Id,
            d.Kind,
            d.TabledBy,
            d.Rule,
            d.TabledAt,
            decidedAt,
            decidedAt is { } at ? Math.Round((at - d.TabledAt).TotalMinutes, 1) : null,
            d.Status,
            d.Votes.ToImmutableSortedDictionary(v => v.Key, v => v.Value.Choice, StringComparer.Ordinal),
            [.. eligible.Where(m => !d.Votes.ContainsKey(m) && m != d.SilenceBreak?.Member)]);
    }

    private static string? StreamName(RecordedEvent recorded) =>
        StreamNames.IsAlliance(recorded.Stream, out var alliance) ? alliance : null;

    private static ReviewPoint Point(long sequence, WorldState world, DateTimeOffset at) =>
        new(sequence, world.Exercise.Turn, world.Exercise.Phase.ToString(), at);

    private (ImmutableSortedDictionary<string, int> Orders, ImmutableArray<string> Missed) TurnEntry(int turn) =>
        _orders.TryGetValue(turn, out var entry) ? entry : (ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal), []);

    private void Sample(RecordedEvent recorded, WorldState world) =>
        _samples.Add((Point(recorded.Sequence, world, recorded.RecordedAt), world));
}
