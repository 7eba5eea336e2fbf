using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>Burden sharing: members pledge resources with a due date and deliver against them; shortfalls are tracked.</summary>
public static partial class AllianceRules
{
    public const int MaxPledgeAmount = 1_000_000;
    public const int MaxResourceLength = 60;
    public static readonly TimeSpan MinPledgeDue = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxPledgeDue = TimeSpan.FromDays(30);

    public static Decision PledgeResources(AllianceState state, Participant actor, PledgeResources command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "pledge resources")
                ?? AllianceValidation.NewId(command.PledgeId, "pledgeId", s.Pledges.ContainsKey, "pledge")
                ?? AllianceValidation.Text(command.Resource, "resource", "The resource", MaxResourceLength);
            if (refused is not null)
            {
                return refused;
            }

            if (command.Amount is < 1 or > MaxPledgeAmount)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, $"A pledge of {command.Amount} is not possible.", "amount", $"a whole number from 1 to {MaxPledgeAmount}");
            }

            if (command.DueWithin < MinPledgeDue || command.DueWithin > MaxPledgeDue)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, "A pledge needs a due date within reach.", "dueWithin", "from 1 minute to 30 days");
            }

            return Decision.Accept(AllianceAudience.ToMembers(s, new ResourcesPledged(
                command.PledgeId, command.Member, command.Resource.Trim(), command.Amount, now, now + command.DueWithin)));
        });

    public static Decision RecordPledgeDelivery(AllianceState state, Participant actor, RecordPledgeDelivery command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "deliver pledges");
            if (refused is not null)
            {
                return refused;
            }

            if (!s.Pledges.TryGetValue(command.PledgeId, out var pledge))
            {
                return Decision.Reject(RejectionCodes.NotFound, $"No pledge '{command.PledgeId}' in {s.Code}.", "pledgeId",
                    AllianceValidation.List(s.Pledges.Values.Where(p => p.Member == command.Member && p.Outstanding > 0).Select(p => p.Id)));
            }

            if (pledge.Member != command.Member)
            {
                return Decision.Forbidden($"Pledge {pledge.Id} is {pledge.Member}'s; only {pledge.Member} delivers against it.");
            }

            if (pledge.Outstanding == 0)
            {
                return Decision.Reject(RejectionCodes.InvalidState, $"Pledge {pledge.Id} is delivered in full.", "pledgeId");
            }

            return command.Amount < 1 || command.Amount > pledge.Outstanding
                ? Decision.Reject(RejectionCodes.InvalidArgument, $"Pledge {pledge.Id} has {pledge.Outstanding} {pledge.Resource} outstanding; {command.Amount} cannot be delivered.",
                    "amount", $"a whole number from 1 to {pledge.Outstanding}")
                : Decision.Accept(AllianceAudience.ToMembers(s, new PledgeDelivered(pledge.Id, command.Member, command.Amount, now)));
        });
}
