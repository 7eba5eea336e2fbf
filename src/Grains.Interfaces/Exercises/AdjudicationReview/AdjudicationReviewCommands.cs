using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Exercises.AdjudicationReview;

/// <summary>What exercise control decides about one held outcome (docs/adjudication.md, "Review before release").</summary>
[GenerateSerializer, Alias("AdjudicationReview.OutcomeVerdict")]
public enum OutcomeVerdict
{
    /// <summary>The outcome goes out as adjudicated.</summary>
    Approve,

    /// <summary>The outcome goes out with the effects exercise control wrote instead.</summary>
    Amend,

    /// <summary>The outcome goes out with no effect at all.</summary>
    Void,
}

/// <summary>
/// Exercise control's verdict on one held outcome. <paramref name="Rationale"/> is required to amend or void (and
/// optional to approve); <paramref name="Effects"/> are the replacement effects of an amendment (only then).
/// </summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.ReviewOutcome")]
public sealed record ReviewOutcome(string OutcomeId, OutcomeVerdict Verdict, string? Rationale = null, ImmutableArray<NationDelta>? Effects = null);

/// <summary>Sends the reviewed outcomes of the held turn to the nations; refused while any is still unreviewed.</summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.ReleaseResults")]
public sealed record ReleaseResults(int? ExpectedTurn = null);

/// <summary>Turns the review of adjudications on or off for the turns adjudicated from now on.</summary>
[GenerateSerializer, Immutable, Alias("AdjudicationReview.SetAdjudicationReview")]
public sealed record SetAdjudicationReview(bool Enabled);
