using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Who may act in a session, checked before anything else so a refusal reveals nothing to an outsider. A team acts
/// only as its own nation; exercise control as any nation (it plays non-player nations and mediators); observers
/// never act. A nation acts for a party it belongs to (itself, or an alliance it was a member of when convened).
/// </summary>
internal static class NegotiationAccess
{
    public static Decision? Started(NegotiationState state) =>
        state.Initialized ? null : Decision.Reject(RejectionCodes.NotInitialized, $"There is no negotiation session {state.Id} in this exercise.");

    /// <summary>The actor may speak as <paramref name="nation"/> at all.</summary>
    public static Decision? ActAs(NegotiationState state, Participant actor, string? nation, string what)
    {
        // Who is asking comes before whether the session exists, and secret talks answer outsiders exactly as missing
        // ones do: no refusal may tell an outsider that secret talks exist.
        if (actor.Role == ParticipantRole.Observer)
        {
            return Decision.Forbidden($"Observers cannot {what}.");
        }

        if (!actor.IsControl && !string.IsNullOrWhiteSpace(nation) && !actor.Plays(nation))
        {
            return Decision.Forbidden($"Team {actor.Nation} cannot {what} as {nation}; a team acts only as its own nation.");
        }

        if (Started(state) is { } missing)
        {
            return missing;
        }

        if (!actor.IsControl && !NegotiationAudience.Public(state.Definition!).Allows(actor))
        {
            return Decision.Reject(RejectionCodes.NotInitialized, $"There is no negotiation session {state.Id} in this exercise.");
        }

        return string.IsNullOrWhiteSpace(nation)
            ? Decision.Reject(RejectionCodes.InvalidArgument, $"Say which nation is acting to {what}.", "as", Allowed(state))
            : null;
    }

    /// <summary><paramref name="nation"/> acts for <paramref name="party"/>.</summary>
    public static Decision? ForParty(NegotiationState state, Participant actor, string nation, string party, string what)
    {
        if (ActAs(state, actor, nation, what) is { } refused)
        {
            return refused;
        }

        var found = Party(state, party);
        if (found is null)
        {
            return Decision.Reject(NegotiationRejectionCodes.NotAParty, $"{party} is not a party to these talks.", "party", Parties(state));
        }

        return found.ActsThrough(nation)
            ? null
            : Decision.Reject(NegotiationRejectionCodes.NotAParty, $"{nation} does not act for {party} in these talks, so it cannot {what}.", "as", string.Join(", ", found.Nations));
    }

    /// <summary><paramref name="nation"/> is a party's nation, or the mediator.</summary>
    public static Decision? Participant(NegotiationState state, Participant actor, string nation, string what)
    {
        if (ActAs(state, actor, nation, what) is { } refused)
        {
            return refused;
        }

        return IsMediator(state, nation) || PartyOf(state, nation) is not null
            ? null
            : Decision.Reject(NegotiationRejectionCodes.NotAParty, $"{nation} is neither a party to these talks nor their mediator, so it cannot {what}.", "as", Allowed(state));
    }

    public static NegotiationParty? Party(NegotiationState state, string? code) =>
        state.Definition?.Parties.FirstOrDefault(p => p.Code == code);

    /// <summary>The party <paramref name="nation"/> acts for (the nation itself before any alliance it belongs to).</summary>
    public static NegotiationParty? PartyOf(NegotiationState state, string nation) =>
        state.Definition?.Parties.OrderBy(p => p.Kind).FirstOrDefault(p => p.ActsThrough(nation));

    public static bool IsMediator(NegotiationState state, string? nation) =>
        nation is not null && state.Definition?.Mediator == nation;

    public static string Parties(NegotiationState state) => string.Join(", ", state.Definition?.Parties.Select(p => p.Code) ?? []);

    private static string Allowed(NegotiationState state) =>
        string.Join(", ", (state.Definition?.Parties.SelectMany(p => p.Nations) ?? []).Concat(state.Definition?.Mediator is { } m ? [m] : []).Distinct());
}
