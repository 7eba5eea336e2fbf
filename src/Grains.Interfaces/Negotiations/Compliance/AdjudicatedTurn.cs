using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// What breach detection reads after a turn is adjudicated: the turn's outcomes (each order with its actor) and whom
/// each nation was sanctioning when its orders closed. Given by the exercise grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.AdjudicatedTurn")]
public sealed record AdjudicatedTurn(int Turn, ImmutableArray<Outcome> Outcomes, ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Sanctioning);

/// <summary>What a compliance review found for one session and turn (empty when no agreement is in force).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ComplianceReview")]
public sealed record ComplianceReview(string Session, int Turn, ImmutableArray<Breach> Breaches, ImmutableArray<MeasureKept> MeasuresKept, bool Expired);
