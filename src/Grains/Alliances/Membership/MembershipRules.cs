using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Membership. Accession and suspension are decisions (see <see cref="DraftDecisions"/>); withdrawal is a notice that
/// takes effect after the charter's notice period, during which the member stays bound: it still counts in votes
/// and still owes positions and responses.
/// </summary>
public static partial class AllianceRules
{
    public static Decision GiveWithdrawalNotice(AllianceState state, Participant actor, GiveWithdrawalNotice command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            // A suspended member may still leave.
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "give notice of withdrawal", suspendedMay: true);
            if (refused is not null)
            {
                return refused;
            }

            if (s.Withdrawals.TryGetValue(command.Member, out var notice))
            {
                return Decision.Reject(RejectionCodes.InvalidState,
                    $"{command.Member} already gave notice at {notice.GivenAt:u}; its withdrawal takes effect at {notice.EffectiveAt:u}.", "member");
            }

            refused = AllianceValidation.Text(command.Reason, "reason", "The reason", AllianceValidation.MaxReasonLength, required: false);
            return refused ?? Decision.Accept(AllianceAudience.ToMembers(
                s,
                new WithdrawalNoticeGiven(command.Member, Trimmed(command.Reason), now, now + s.Charter.WithdrawalNotice),
                command.Member));
        });
}
