using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// A nation as one viewer sees it. Everyone sees the public part (name, posture, sanctions); the nation's own team
/// and exercise control also see <see cref="Private"/>: indices, relations, action points and this turn's orders.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NationView(
    string Code,
    string Name,
    NationControl Control,
    bool Neutral,
    ForcePosture Posture,
    ImmutableArray<string> Sanctioning,
    NationPrivateView? Private);

[GenerateSerializer, Immutable]
public sealed record NationPrivateView(
    NationIndices Indices,
    ImmutableSortedDictionary<string, Relation> Relations,
    int ActionPointsPerTurn,
    int ActionPoints,
    int OrdersTurn,
    bool OrdersOpen,
    ImmutableArray<Order> Orders);

public static class NationViews
{
    /// <summary>Fog of war for nations: private state only where <see cref="VisibilityPolicy.SeesNationPrivate"/> allows.</summary>
    public static NationView For(NationState state, Participant viewer)
    {
        var seesPrivate = VisibilityPolicy.SeesNationPrivate(viewer, state.Code);
        return new NationView(
            state.Code,
            state.Name,
            state.Control,
            state.Neutral,
            state.Posture,
            [.. state.Sanctioning],
            seesPrivate
                ? new NationPrivateView(state.Indices, state.Relations, state.ActionPointsPerTurn, state.ActionPoints, state.OrdersTurn, state.OrdersOpen, [.. state.Orders])
                : null);
    }
}
