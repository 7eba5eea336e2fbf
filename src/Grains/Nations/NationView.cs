using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

public static class NationViews
{
    /// <summary>Fog of war for nations: private state only for the nation's own team and for exercise control.</summary>
    public static NationView For(NationState state, Participant viewer)
    {
        var seesPrivate = viewer.IsControl || viewer.Plays(state.Code) || (viewer.Role == ParticipantRole.Observer && viewer.FullView);
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
