using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Adjudication;

/// <summary>
/// The adjudicated result of one order: whether it succeeded, the dice rolled (for the after-action review), and the
/// change it makes to each nation, with the words that nation's team reads.
/// </summary>
[GenerateSerializer, Alias("Adjudication.Outcome"), Immutable]
public sealed record Outcome(
    string OutcomeId,
    int Turn,
    string Actor,
    string OrderId,
    NationAction Action,
    bool Success,
    string Summary,
    ImmutableArray<double> Rolls,
    ImmutableArray<OutcomeEffect> Effects,
    PublicReport? Report);

/// <summary>
/// What an outcome does to one nation, and how that nation's team is told: <paramref name="Summary"/> what happened,
/// <paramref name="Because"/> which act caused it (naming the actor only to a team that may know who acted).
/// </summary>
[GenerateSerializer, Alias("Adjudication.OutcomeEffect"), Immutable]
public sealed record OutcomeEffect(NationDelta Delta, string Summary, string? Because = null);

/// <summary>The public account of an outcome (news), when the action is visible to the world.</summary>
[GenerateSerializer, Alias("Adjudication.PublicReport"), Immutable]
public sealed record PublicReport(string Headline, string Body);
