using CrisisGrid.Grains.Access;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Builds <see cref="NegotiationView"/> for a viewer with the same audiences the session's events carry, so the
/// view and the event stream can never disagree about who sees what.
/// </summary>
public static class NegotiationViews
{
    /// <summary>Null when the viewer may not even know the talks exist (secret talks, outsiders).</summary>
    public static NegotiationView? For(NegotiationState state, Participant viewer)
    {
        if (!state.Initialized)
        {
            return null;
        }

        var definition = state.Definition!;
        if (!NegotiationAudience.Public(definition).Allows(viewer))
        {
            return null;
        }

        var atTable = NegotiationAudience.Plenary(definition).Allows(viewer);
        var agreement = state.InForceVersion is { } v ? state.Versions.Find(x => x.Number == v) : null;
        return new NegotiationView(
            state.Id,
            definition.Title,
            definition.Parties,
            definition.Mediator,
            definition.Secret,
            state.Phase,
            agreement,
            atTable ? Table(state, viewer) : null);
    }

    private static NegotiationTableView Table(NegotiationState state, Participant viewer) => new(
        [.. state.Responses.Values],
        [.. state.OpeningStatements.Values],
        [.. state.Messages.Where(m => NegotiationAudience.For(state.Definition!, m.Channel).Allows(viewer))],
        [.. state.Versions],
        [.. state.Signatures.Values],
        [.. state.Mandates],
        [.. state.Breaches],
        [.. state.MeasuresKept],
        state.TurnsServed,
        state.EndReason);
}
