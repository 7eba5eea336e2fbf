using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// The alliance's charter rules. Pure: state, actor, command and the current time in; a decision out. Every command
/// first settles what fell due before <c>now</c> (so a draft whose deadline passed is decided before anyone may
/// vote on it), then applies the command, then settles what the command made decidable (the last vote). The
/// feature rules live beside their features (Consultations/, Decisions/, CollectiveDefence/, Membership/, …).
/// </summary>
public static partial class AllianceRules
{
    public static Decision Initialize(AllianceState state, Participant actor, InitializeAlliance command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control can set up an alliance.");
        }

        if (state.Initialized)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"Alliance {state.Code} is already set up.");
        }

        var invalid = CharterValidation.Check(state.Code, command.Definition, command.Nations);
        return invalid ?? Decision.Accept(new PendingEvent(
            new AllianceInitialized(command.Definition, command.Nations.IsDefault ? [] : command.Nations),
            Audience.ToNations(command.Definition.Members)));
    }

    public static Decision RecordArmedAttack(AllianceState state, Participant actor, RecordArmedAttack command, DateTimeOffset now)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control reports armed attacks.");
        }

        return Decide(state, now, s =>
        {
            if (!s.Initialized || !s.IsMember(command.Victim) || s.Attacks.Exists(a => a.AttackId == command.AttackId))
            {
                return Decision.Accept(); // not a member (or already on record): nothing for this alliance to record
            }

            return Decision.Accept(AllianceAudience.ToMembers(s, new ArmedAttackOnMemberRecorded(command.AttackId, command.Attacker, command.Victim, command.InjectId)));
        });
    }

    /// <summary>Only what fell due by <paramref name="now"/>: used by the grain's reminder and before every command.</summary>
    public static Decision ProcessDeadlines(AllianceState state, DateTimeOffset now) =>
        Decision.Accept(AllianceSettlement.Settle(state, now).Events);

    /// <summary>Settles due deadlines, runs <paramref name="rule"/> on the result, then settles what the rule made decidable.</summary>
    private static Decision Decide(AllianceState state, DateTimeOffset now, Func<AllianceState, Decision> rule)
    {
        if (EndedRefusal(state) is { } ended)
        {
            return Decision.Reject(ended);
        }

        var (due, current) = AllianceSettlement.Settle(state, now);
        var decision = rule(current);
        if (!decision.IsAccepted)
        {
            return decision;
        }

        var (follow, _) = AllianceSettlement.Settle(AllianceEvolve.ApplyAll(current, decision.Events), now);
        return Decision.Accept([.. due, .. decision.Events, .. follow]);
    }

    private static string Kind(DecisionKind kind) => JsonName(kind.ToString());

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
