using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>How this nation regards another. Both 0–100.</summary>
[GenerateSerializer, Alias("Nations.Relation"), Immutable]
public sealed record Relation(int Trust, int Tension)
{
    public Relation Add(int trust, int tension) =>
        new(Math.Clamp(Trust + trust, NationIndices.Min, NationIndices.Max), Math.Clamp(Tension + tension, NationIndices.Min, NationIndices.Max));
}

/// <summary>Where the nation's forces are and whether it is mobilised. Visible to everyone (movements are observable).</summary>
[GenerateSerializer, Alias("Nations.ForcePosture"), Immutable]
public sealed record ForcePosture(bool Mobilised, DeploymentArea Area, string? Facing)
{
    public static ForcePosture AtHome { get; } = new(false, DeploymentArea.Home, null);
}

/// <summary>An order given for a turn.</summary>
[GenerateSerializer, Alias("Nations.Order"), Immutable]
public sealed record Order(string OrderId, int Turn, NationAction Action, int Cost);

/// <summary>
/// A nation's state. Indices and relations are private to its team and exercise control; posture and sanctions
/// are public. <see cref="AppliedCauses"/> makes applying an outcome or inject idempotent.
/// </summary>
[GenerateSerializer, Alias("Nations.NationState"), Immutable]
public sealed record NationState(
    string Code,
    string Name,
    bool Initialized,
    NationControl Control,
    bool Neutral,
    NationIndices Indices,
    ImmutableSortedDictionary<string, Relation> Relations,
    ForcePosture Posture,
    ImmutableSortedSet<string> Sanctioning,
    int ActionPointsPerTurn,
    int ActionPoints,
    int OrdersTurn,
    bool OrdersOpen,
    ImmutableList<Order> Orders,
    ImmutableHashSet<string> AppliedCauses)
{
    public static NationState Empty(string code) => new(
        code,
        code,
        Initialized: false,
        NationControl.Team,
        Neutral: false,
        new NationIndices(50, 50, 50, 50, 50, 50),
        ImmutableSortedDictionary<string, Relation>.Empty.WithComparers(StringComparer.Ordinal),
        ForcePosture.AtHome,
        ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        ActionPointsPerTurn: 0,
        ActionPoints: 0,
        OrdersTurn: 0,
        OrdersOpen: false,
        [],
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    public bool Knows(string nation) => Relations.ContainsKey(nation);

    public Relation RelationWith(string nation) => Relations.TryGetValue(nation, out var r) ? r : new Relation(50, 20);
}
