using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CrisisGrid.Grains.Scenarios;

/// <summary>A condition on the world state, for conditional injects (e.g. "when tension between A and B exceeds 70").</summary>
/// <remarks>The JSON attributes let a stored scenario (an exercise's first event) keep its conditions through a round trip.</remarks>
[GenerateSerializer, Alias("Scenarios.Condition"), Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AllOfCondition), "allOf")]
[JsonDerivedType(typeof(AnyOfCondition), "anyOf")]
[JsonDerivedType(typeof(RelationCondition), "relation")]
[JsonDerivedType(typeof(IndexCondition), "index")]
[JsonDerivedType(typeof(TurnCondition), "turn")]
public abstract record Condition;

[GenerateSerializer, Alias("Scenarios.AllOfCondition"), Immutable]
public sealed record AllOfCondition(ImmutableArray<Condition> Conditions) : Condition;

[GenerateSerializer, Alias("Scenarios.AnyOfCondition"), Immutable]
public sealed record AnyOfCondition(ImmutableArray<Condition> Conditions) : Condition;

[GenerateSerializer, Alias("Scenarios.RelationMeasure")]
public enum RelationMeasure
{
    Trust,
    Tension,
}

[GenerateSerializer, Alias("Scenarios.Comparison")]
public enum Comparison
{
    /// <summary>Strictly greater than the value.</summary>
    Above,

    /// <summary>Strictly less than the value.</summary>
    Below,
}

/// <summary>
/// Compares the relation between two nations. "Between A and B" reads both directions: tension is the higher of
/// A→B and B→A (the more alarmed party drives escalation), trust the lower.
/// </summary>
[GenerateSerializer, Alias("Scenarios.RelationCondition"), Immutable]
public sealed record RelationCondition(string NationA, string NationB, RelationMeasure Measure, Comparison Comparison, int Value) : Condition;

[GenerateSerializer, Alias("Scenarios.IndexCondition"), Immutable]
public sealed record IndexCondition(string Nation, NationIndex Index, Comparison Comparison, int Value) : Condition;

/// <summary>Holds from turn <see cref="AtLeast"/> on.</summary>
[GenerateSerializer, Alias("Scenarios.TurnCondition"), Immutable]
public sealed record TurnCondition(int AtLeast) : Condition;
