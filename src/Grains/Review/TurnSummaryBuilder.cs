using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// Builds the per-turn summaries from the log, one event at a time. Turn 0 is the set-up before the first turn
/// starts. "Changed most" compares each nation's indices at the turn's start with the next turn's start (or the end).
/// </summary>
public sealed class TurnSummaryBuilder(string exerciseId)
{
    /// <summary>How many index moves a turn's "changed most" lists.</summary>
    public const int ChangedMostCount = 5;

    private readonly List<TurnSummary> _done = [];
    private Open _open = new(0, 0, WorldState.Empty(exerciseId));
    private WorldState _world = WorldState.Empty(exerciseId);

    public static ImmutableArray<TurnSummary> From(string exerciseId, IEnumerable<RecordedEvent> log)
    {
        var builder = new TurnSummaryBuilder(exerciseId);
        var world = WorldState.Empty(exerciseId);
        foreach (var recorded in log)
        {
            world = world.Apply(recorded);
            builder.Observe(recorded, world);
        }

        return builder.Build();
    }

    public void Observe(RecordedEvent recorded, WorldState after)
    {
        if (recorded.Event is TurnStarted started)
        {
            _done.Add(Close(_open, _world));
            _open = new Open(started.Turn, recorded.Sequence, after);
        }

        _world = after;
        _open.Last = recorded.Sequence;
        switch (recorded.Event)
        {
            case OrdersClosed closed when StreamNames.IsNation(recorded.Stream, out var nation):
                _open.Orders.AddRange(closed.Orders.Select(o => new OrderSummary(nation, o.OrderId, ActionName(o.Action), o.Action.TargetNation(), null, null)));
                break;
            case ActionAdjudicated adjudicated:
                var outcome = adjudicated.Outcome;
                var index = _open.Orders.FindIndex(o => o.Nation == outcome.Actor && o.OrderId == outcome.OrderId);
                if (index >= 0)
                {
                    _open.Orders[index] = _open.Orders[index] with { Success = outcome.Success, Outcome = outcome.Summary };
                }

                break;
            case InjectReleased released:
                _open.Happened.Add($"Inject: {released.Inject.Title}");
                break;
            case NewsPublished news:
                _open.Happened.Add($"News: {news.Headline}");
                break;
            case OrdersMissed missed:
                _open.Happened.Add($"{missed.Nation} missed the orders deadline and held");
                break;
            case OutcomeOverridden overridden:
                _open.Happened.Add($"Exercise control overrode {overridden.OutcomeId}: {overridden.Reason}");
                break;
            case Exercises.AdjudicationReview.OutcomeReviewed { Verdict: not Exercises.AdjudicationReview.OutcomeVerdict.Approve } reviewed:
                _open.Happened.Add($"Exercise control {(reviewed.Verdict == Exercises.AdjudicationReview.OutcomeVerdict.Amend ? "amended" : "voided")} {reviewed.Actor}'s outcome in review: {reviewed.Rationale}");
                break;
            case Exercises.AdjudicationReview.ResultsReleased released:
                _open.Happened.Add($"Exercise control released turn {released.Turn}'s results ({released.Approved} approved, {released.Amended} amended, {released.Voided} voided)");
                break;
            case NationAdjusted adjusted:
                _open.Happened.Add($"Exercise control adjusted {adjusted.Delta.Nation}: {adjusted.Reason}");
                break;
            case DraftDecided decided when StreamNames.IsAlliance(recorded.Stream, out var alliance):
                var kind = after.Alliances.GetValueOrDefault(alliance)?.Drafts.GetValueOrDefault(decided.DraftId)?.Kind;
                _open.Decisions.Add($"{alliance}: {kind?.ToString() ?? "draft"} {decided.DraftId} {decided.Result.Status.ToString().ToLowerInvariant()} ({decided.Result.Reason})");
                break;
        }
    }

    /// <summary>What this builder has gathered, for a persisted checkpoint (<see cref="Checkpoints.FeedCheckpoint"/>).</summary>
    public Checkpoints.TurnsCheckpoint ToCheckpoint() => new(
        [.. _done], _open.Turn, _open.First, _open.Last, _open.Start, [.. _open.Orders], [.. _open.Happened], [.. _open.Decisions], _world);

    /// <summary>A builder that carries on from <paramref name="checkpoint"/> as if it had observed the log up to there.</summary>
    public static TurnSummaryBuilder Restore(Checkpoints.TurnsCheckpoint checkpoint)
    {
        var builder = new TurnSummaryBuilder(checkpoint.World.ExerciseId)
        {
            _open = new Open(checkpoint.Turn, checkpoint.First, checkpoint.Start) { Last = checkpoint.Last },
            _world = checkpoint.World,
        };
        builder._done.AddRange(checkpoint.Done);
        builder._open.Orders.AddRange(checkpoint.Orders);
        builder._open.Happened.AddRange(checkpoint.Happened);
        builder._open.Decisions.AddRange(checkpoint.Decisions);
        return builder;
    }

    public ImmutableArray<TurnSummary> Build() =>
        [.. _done.Where(t => t.LastSequence > 0), Close(_open, _world)];

    /// <summary>The largest index moves between two worlds, biggest first (ties by nation, then index).</summary>
    public static ImmutableArray<IndexChange> ChangedMost(WorldState from, WorldState to, int count = ChangedMostCount) =>
        [.. to.Nations.Values.Where(n => n.Initialized)
            .SelectMany(n => Enum.GetValues<NationIndex>().Select(i => new IndexChange(
                n.Code,
                i,
                from.Nations.TryGetValue(n.Code, out var before) && before.Initialized ? before.Indices[i] : n.Indices[i],
                n.Indices[i])))
            .Where(c => c.Delta != 0)
            .OrderByDescending(c => Math.Abs(c.Delta))
            .ThenBy(c => c.Nation, StringComparer.Ordinal)
            .ThenBy(c => c.Index)
            .Take(count)];

    private static string ActionName(NationAction action) =>
        action.GetType().Name is var name && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static TurnSummary Close(Open open, WorldState end) => new(
        open.Turn,
        open.First,
        open.Last,
        [.. open.Orders],
        [.. open.Happened],
        ChangedMost(open.Start, end),
        [.. open.Decisions]);

    private sealed class Open(int turn, long first, WorldState start)
    {
        public int Turn { get; } = turn;

        public long First { get; } = first;

        public long Last { get; set; } = first;

        public WorldState Start { get; } = start;

        public List<OrderSummary> Orders { get; } = [];

        public List<string> Happened { get; } = [];

        public List<string> Decisions { get; } = [];
    }
}
