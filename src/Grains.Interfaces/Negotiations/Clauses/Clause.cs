using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// One typed clause of the negotiating text. <see cref="Id"/> is chosen by whoever drafts it and names the clause
/// across versions, so an amendment shows as a change to the same clause. Every parameter is something adjudication
/// can check (which nations, which duration in turns); the meaning of each clause for breaches is in
/// docs/negotiations.md.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.Clause")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CeasefireClause), "ceasefire")]
[JsonDerivedType(typeof(WithdrawalLineClause), "withdrawalLine")]
[JsonDerivedType(typeof(HumanitarianCorridorClause), "humanitarianCorridor")]
[JsonDerivedType(typeof(PrisonerExchangeClause), "prisonerExchange")]
[JsonDerivedType(typeof(PeacekeepingDeploymentClause), "peacekeepingDeployment")]
[JsonDerivedType(typeof(SanctionsReliefClause), "sanctionsRelief")]
[JsonDerivedType(typeof(ConfidenceBuildingClause), "confidenceBuilding")]
public abstract record Clause(string Id);

/// <summary>The listed nations cease hostilities toward each other (no cyber operations, no forces sent into each other).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.CeasefireClause")]
public sealed record CeasefireClause(string Id, ImmutableArray<string> Nations) : Clause(Id);

/// <summary><paramref name="Nation"/> keeps its forces back from <paramref name="From"/>: no deployment to its border or territory.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.WithdrawalLineClause")]
public sealed record WithdrawalLineClause(string Id, string Nation, string From) : Clause(Id);

/// <summary>A humanitarian corridor through <paramref name="Nation"/>.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.HumanitarianCorridorClause")]
public sealed record HumanitarianCorridorClause(string Id, string Nation) : Clause(Id);

/// <summary>The listed nations exchange prisoners.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.PrisonerExchangeClause")]
public sealed record PrisonerExchangeClause(string Id, ImmutableArray<string> Nations) : Clause(Id);

/// <summary>
/// Peacekeepers deploy to <paramref name="Host"/>. Needs a mandate: a passed joint-deployment decision of
/// <paramref name="Alliance"/> for the host, or a ruling by exercise control.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.PeacekeepingDeploymentClause")]
public sealed record PeacekeepingDeploymentClause(string Id, string Host, string? Alliance = null) : Clause(Id);

/// <summary><paramref name="Nation"/> lifts its sanctions on <paramref name="On"/> within <paramref name="WithinTurns"/> turns in force.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.SanctionsReliefClause")]
public sealed record SanctionsReliefClause(string Id, string Nation, string On, int WithinTurns) : Clause(Id);

[GenerateSerializer, Alias("Negotiations.ConfidenceMeasure")]
public enum ConfidenceMeasure
{
    /// <summary>No mobilisation while in force.</summary>
    ArmsLimits,

    /// <summary>Joint exercises are announced in advance.</summary>
    AdvanceNoticeOfExercises,

    Hotline,

    ObserversAtExercises,

    DiplomaticExchanges,
}

/// <summary>A confidence-building measure the listed nations undertake.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ConfidenceBuildingClause")]
public sealed record ConfidenceBuildingClause(string Id, ConfidenceMeasure Measure, ImmutableArray<string> Nations) : Clause(Id);
