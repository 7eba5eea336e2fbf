using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Collective defence (Art. 5). Invocation is a decision (see <see cref="TableDraft"/>, which refuses it without an
/// attack on record); once invoked, every member owes a response by the deadline, and silence makes a free rider.
/// </summary>
public static partial class AllianceRules
{
    public static Decision RecordDefenceResponse(AllianceState state, Participant actor, RecordDefenceResponse command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            // A member suspended after the invocation still owes its response, so suspension does not bar this path.
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "respond to collective defence", suspendedMay: true);
            if (refused is not null)
            {
                return refused;
            }

            if (!s.Invocations.TryGetValue(command.InvocationId, out var invocation))
            {
                return Decision.Reject(RejectionCodes.NotFound, $"Collective defence '{command.InvocationId}' has not been invoked in {s.Code}.", "invocationId",
                    AllianceValidation.List(s.Invocations.Values.Where(i => !i.Closed).Select(i => i.Id)));
            }

            if (invocation.Closed)
            {
                return Decision.Reject(RejectionCodes.InvalidState,
                    $"Responses to collective defence {invocation.Id} were due by {invocation.ResponsesDue:u} and are closed.", "invocationId");
            }

            if (!invocation.Owing.Contains(command.Member, StringComparer.Ordinal))
            {
                return Decision.Reject(AllianceRejectionCodes.NotEligible,
                    $"{command.Member} was not a member in good standing when collective defence {invocation.Id} was invoked.", "member",
                    AllianceValidation.List(invocation.Outstanding));
            }

            if (invocation.Responses.TryGetValue(command.Member, out var earlier))
            {
                return Decision.Reject(AllianceRejectionCodes.AlreadyRecorded,
                    $"{command.Member} already responded ({Name(earlier.Kind)}) at {earlier.At:u}.", "kind");
            }

            refused = AllianceValidation.Text(command.Description, "description", "The response's description");
            return refused ?? Decision.Accept(AllianceAudience.ToMembers(s, new DefenceResponseRecorded(
                invocation.Id, command.Member, command.Kind, command.Description.Trim(), now)));
        });
}
