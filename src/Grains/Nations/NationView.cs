using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.Nations;

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
