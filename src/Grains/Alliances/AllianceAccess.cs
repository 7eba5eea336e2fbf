using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Who may act in an alliance, checked before anything else on every command path so that a refusal never reveals
/// alliance business to an outsider. A team acts only as its own nation; exercise control may act for any member
/// (it plays the non-player nations); observers never act. Only members may act, and suspended members may not.
/// </summary>
internal static class AllianceAccess
{
    public static Decision? ActAs(AllianceState state, Participant actor, string member, string what, bool suspendedMay = false)
    {
        if (!state.Initialized)
        {
            return NotInitialized(state);
        }

        if (actor.Role == ParticipantRole.Observer)
        {
            return Decision.Forbidden($"Observers cannot {what}.");
        }

        if (!actor.IsControl && !actor.Plays(member))
        {
            return Decision.Forbidden($"Team {actor.Nation} cannot {what} for {Named(member)}; a team acts only as its own nation.");
        }

        if (!state.IsMember(member))
        {
            return Decision.Forbidden($"{Named(member)} is not a member of {state.Code}; only members may {what}.");
        }

        if (!suspendedMay && state.IsSuspended(member))
        {
            return Decision.Forbidden($"{member} is suspended from {state.Code} and cannot {what}.");
        }

        return null;
    }

    /// <summary>Exercise control acting as chair (not for a member).</summary>
    public static Decision? Chair(AllianceState state, Participant actor, string what)
    {
        if (!state.Initialized)
        {
            return NotInitialized(state);
        }

        return actor.IsControl ? null : Decision.Forbidden($"Only exercise control can {what} as chair; members act in their own name.");
    }

    public static Decision NotInitialized(AllianceState state) =>
        Decision.Reject(RejectionCodes.NotInitialized, $"Alliance {state.Code} is not part of this exercise.");

    private static string Named(string member) => string.IsNullOrWhiteSpace(member) ? "(no nation)" : member;
}
