using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// A nation as one viewer sees it. Everyone sees the public part (name, posture, sanctions); the nation's own team
/// and exercise control also see <see cref="Private"/>: indices, relations, action points and this turn's orders.
/// </summary>
[GenerateSerializer, Alias("Nations.NationView"), Immutable]
public sealed record NationView(
    string Code,
    string Name,
    NationControl Control,
    bool Neutral,
    ForcePosture Posture,
    ImmutableArray<string> Sanctioning,
    NationPrivateView? Private);

[GenerateSerializer, Alias("Nations.NationPrivateView"), Immutable]
public sealed record NationPrivateView(
    NationIndices Indices,
    ImmutableSortedDictionary<string, Relation> Relations,
    int ActionPointsPerTurn,
    int ActionPoints,
    int OrdersTurn,
    bool OrdersOpen,
    ImmutableArray<Order> Orders);
