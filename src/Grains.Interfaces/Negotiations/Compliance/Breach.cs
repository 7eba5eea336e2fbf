using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Negotiations;

[GenerateSerializer, Alias("Negotiations.BreachStatus")]
public enum BreachStatus
{
    /// <summary>Found at adjudication and reported to the parties and the mediator; its costs applied.</summary>
    Reported,

    /// <summary>Exercise control ruled it unfounded, with a reason; its costs were reversed.</summary>
    Unfounded,
}

/// <summary>
/// An adjudicated order that violated a clause of the agreement in force (<see cref="OrderId"/> is null when the breach
/// is something not done: sanctions kept past the agreed turn).
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.Breach")]
public sealed record Breach(
    string BreachId,
    int Turn,
    string ClauseId,
    string Violator,
    string? OrderId,
    string Description,
    BreachStatus Status,
    string? RulingReason,
    ImmutableArray<NationDelta> Effects);

/// <summary>An order that kept a confidence-building measure (an announced exercise): it builds confidence.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.MeasureKept")]
public sealed record MeasureKept(int Turn, string ClauseId, string Nation, string OrderId, string Description, ImmutableArray<NationDelta> Effects);

/// <summary>A change to a nation the session decided and still has to hand to the nation's grain (its outbox).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.PendingNationChange")]
public sealed record PendingNationChange(string DeliveryId, NationDelta Delta, string Summary, string? Because = null);
