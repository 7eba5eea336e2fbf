using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>The alliance's charter rules. Pure: state, actor and command in; decision out.</summary>
public static class AllianceRules
{
    public static Decision Initialize(AllianceState state, Participant actor, InitializeAlliance command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control can set up an alliance.");
        }

        return state.Initialized
            ? Decision.Reject(RejectionCodes.InvalidState, $"Alliance {state.Code} is already set up.")
            : Decision.Accept(new PendingEvent(new AllianceInitialized(command.Definition), Audience.ToNations(command.Definition.Members)));
    }

    public static Decision RecordArmedAttack(AllianceState state, Participant actor, RecordArmedAttack command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control reports armed attacks.");
        }

        if (!state.Initialized || !state.Members.Contains(command.Victim) || state.Attacks.Exists(a => a.AttackId == command.AttackId))
        {
            return Decision.Accept(); // not a member (or already on record): nothing for this alliance to record
        }

        return Decision.Accept(new PendingEvent(
            new ArmedAttackOnMemberRecorded(command.AttackId, command.Attacker, command.Victim, command.InjectId),
            Audience.ToNations(state.Members)));
    }
}
