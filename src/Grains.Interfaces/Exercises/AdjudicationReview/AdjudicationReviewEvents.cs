using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Exercises.AdjudicationReview;

/// <summary>
/// The turn's outcomes are held for exercise control's review: the <see cref="ActionAdjudicated"/> events that follow
/// (for <paramref name="Turn"/>) deliver nothing and report nothing until <see cref="ResultsReleased"/>.
/// </summary>
[EventType("exercise.adjudication-held"), GenerateSerializer, Immutable, Alias("AdjudicationReview.AdjudicationHeld")]
public sealed record AdjudicationHeld(int Turn, int OutcomeCount) : DomainEvent;

/// <summary>
/// Exercise control approved, amended or voided a held outcome, with its rationale (control only, and the review).
/// <paramref name="Effects"/> are what the outcome will do once released: the adjudicated effects, the amended ones,
/// or none.
/// </summary>
[EventType("exercise.outcome-reviewed"), GenerateSerializer, Immutable, Alias("AdjudicationReview.OutcomeReviewed")]
public sealed record OutcomeReviewed(int Turn, string OutcomeId, string Actor, OutcomeVerdict Verdict, string? Rationale, ImmutableArray<OutcomeEffect> Effects) : DomainEvent;

/// <summary>The held turn's reviewed outcomes go out: their effects are delivered to the nations.</summary>
[EventType("exercise.results-released"), GenerateSerializer, Immutable, Alias("AdjudicationReview.ResultsReleased")]
public sealed record ResultsReleased(int Turn, int Approved, int Amended, int Voided) : DomainEvent;

/// <summary>Exercise control turned the review of adjudications on or off (from the next adjudication on).</summary>
[EventType("exercise.adjudication-review-set"), GenerateSerializer, Immutable, Alias("AdjudicationReview.AdjudicationReviewSet")]
public sealed record AdjudicationReviewSet(bool Enabled) : DomainEvent;
