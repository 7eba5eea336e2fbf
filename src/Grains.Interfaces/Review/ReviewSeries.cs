using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Review;

/// <summary>A moment the charts sample: after event <paramref name="Sequence"/>, in turn <paramref name="Turn"/>.</summary>
[GenerateSerializer, Immutable, Alias("Review.ReviewPoint")]
public sealed record ReviewPoint(long Sequence, int Turn, string Phase, DateTimeOffset At);

public enum ReviewMarkerKind
{
    /// <summary>An inject entered play.</summary>
    Inject,

    /// <summary>An alliance decided a draft (passed or failed).</summary>
    Decision,

    /// <summary>Exercise control overrode an outcome or adjusted a nation.</summary>
    Override,
}

/// <summary>Something to mark on the time axis, at the event that recorded it.</summary>
[GenerateSerializer, Immutable, Alias("Review.ReviewMarker")]
public sealed record ReviewMarker(long Sequence, int Turn, DateTimeOffset At, ReviewMarkerKind Kind, string Label);

/// <summary>One nation's six indices at each <see cref="ReviewSeries.Points">point</see>.</summary>
[GenerateSerializer, Immutable, Alias("Review.NationIndexSeries")]
public sealed record NationIndexSeries(string Nation, string Name, ImmutableArray<NationIndices> Values);

/// <summary>How <paramref name="From"/> regards <paramref name="To"/> at each point.</summary>
[GenerateSerializer, Immutable, Alias("Review.RelationSeries")]
public sealed record RelationSeries(string From, string To, ImmutableArray<int> Trust, ImmutableArray<int> Tension);

[GenerateSerializer, Immutable, Alias("Review.CohesionSeries")]
public sealed record CohesionSeries(string Alliance, string Name, ImmutableArray<int> Values);

/// <summary>A consultation from request to conclusion; <paramref name="Silent"/> recorded no position.</summary>
[GenerateSerializer, Immutable, Alias("Review.ConsultationRecord")]
public sealed record ConsultationRecord(
    string Alliance,
    string ConsultationId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ConvenedAt,
    DateTimeOffset? ConcludedAt,
    string Status,
    int Support,
    int Oppose,
    int Abstain,
    ImmutableArray<string> Silent);

/// <summary>A draft decision: when tabled, how long it took, the outcome, who voted how and who stayed silent.</summary>
[GenerateSerializer, Immutable, Alias("Review.DecisionRecord")]
public sealed record DecisionRecord(
    string Alliance,
    string DraftId,
    DecisionKind Kind,
    string TabledBy,
    DecisionRule Rule,
    DateTimeOffset TabledAt,
    DateTimeOffset? DecidedAt,
    double? MinutesToDecide,
    DraftStatus Status,
    ImmutableSortedDictionary<string, VoteChoice> Votes,
    ImmutableArray<string> Silent);

/// <summary>Members flagged as free riders when an invocation of collective defence closed.</summary>
[GenerateSerializer, Immutable, Alias("Review.FreeRiderRecord")]
public sealed record FreeRiderRecord(string Alliance, string InvocationId, DateTimeOffset At, ImmutableArray<string> FreeRiders);

/// <summary>Orders that went to adjudication in one turn, per nation, and the nations that missed the deadline.</summary>
[GenerateSerializer, Immutable, Alias("Review.TurnOrders")]
public sealed record TurnOrders(int Turn, ImmutableSortedDictionary<string, int> Orders, ImmutableArray<string> Missed);

/// <summary>Exercise control replaced an outcome or adjusted a nation, with its reason.</summary>
[GenerateSerializer, Immutable, Alias("Review.OverrideRecord")]
public sealed record OverrideRecord(long Sequence, int Turn, DateTimeOffset At, string What, string Nation, string Reason);

/// <summary>Everything the review's charts draw, computed from the log up to <paramref name="Sequence"/>.</summary>
[GenerateSerializer, Immutable, Alias("Review.ReviewSeries")]
public sealed record ReviewSeries(
    string ExerciseId,
    long Sequence,
    ImmutableArray<ReviewPoint> Points,
    ImmutableArray<NationIndexSeries> Nations,
    ImmutableArray<RelationSeries> Relations,
    ImmutableArray<CohesionSeries> Cohesion,
    ImmutableArray<ConsultationRecord> Consultations,
    ImmutableArray<DecisionRecord> Decisions,
    ImmutableArray<FreeRiderRecord> FreeRiders,
    ImmutableArray<TurnOrders> Orders,
    ImmutableArray<OverrideRecord> Overrides,
    ImmutableArray<ReviewMarker> Markers,
    ImmutableArray<NegotiationRecord> Negotiations);
