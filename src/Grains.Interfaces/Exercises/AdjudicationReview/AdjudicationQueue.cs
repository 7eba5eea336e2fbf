using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;

namespace CrisisGrid.Grains.Exercises.AdjudicationReview;

/// <summary>
/// The outcomes of <paramref name="Turn"/> held for review, in adjudication order, and the verdicts given so far.
/// Part of the exercise's state from <see cref="AdjudicationHeld"/> until <see cref="ResultsReleased"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.AdjudicationQueue")]
public sealed record AdjudicationQueue(int Turn, ImmutableArray<string> OutcomeIds, ImmutableSortedDictionary<string, OutcomeReview> Reviews)
{
    public static AdjudicationQueue Open(int turn) => new(turn, [], ImmutableSortedDictionary<string, OutcomeReview>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The outcomes still awaiting a verdict.</summary>
    public IEnumerable<string> Pending => OutcomeIds.Where(id => !Reviews.ContainsKey(id));

    public int PendingCount => OutcomeIds.Count(id => !Reviews.ContainsKey(id));
}

/// <summary>A verdict on one held outcome: the rationale and the effects that will be released.</summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.OutcomeReview")]
public sealed record OutcomeReview(OutcomeVerdict Verdict, string? Rationale, ImmutableArray<OutcomeEffect> Effects);

/// <summary>The review queue as exercise control sees it (VisibilityPolicy.SeesAdjudicationQueue decides who may).</summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.AdjudicationQueueView")]
public sealed record AdjudicationQueueView(bool ReviewEnabled, int? Turn, int Pending, ImmutableArray<HeldOutcomeView> Outcomes);

/// <summary>One held outcome: what the engine decided and, once reviewed, the verdict, rationale and released effects.</summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.HeldOutcomeView")]
public sealed record HeldOutcomeView(Outcome Outcome, OutcomeVerdict? Verdict, string? Rationale, ImmutableArray<OutcomeEffect>? ReleasedEffects);
