using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>Records a draft's verdict and, when it passed, what the decision does (invokes collective defence, admits, suspends).</summary>
internal static class DraftDecisions
{
    public static IReadOnlyList<PendingEvent> Decide(AllianceState state, Draft draft, Verdict verdict, DateTimeOffset at)
    {
        var events = new List<PendingEvent>
        {
            AllianceAudience.ToMembers(state, new DraftDecided(draft.Id, new DraftResult(verdict.Status, at, verdict.Reason, verdict.Tally))),
        };
        if (verdict.Status != DraftStatus.Passed)
        {
            return events;
        }

        switch (draft.Proposal)
        {
            case CollectiveDefenceProposal p when state.Attacks.Find(a => a.AttackId == p.AttackId) is { } attack:
                events.Add(AllianceAudience.ToMembers(state, new CollectiveDefenceInvoked(
                    draft.Id,
                    attack.AttackId,
                    attack.Attacker,
                    attack.Victim,
                    at,
                    at + state.Charter.Consultation.PositionsDueWithin,
                    [.. state.ActiveMembers])));
                break;
            case AdmissionProposal p when !state.IsMember(p.Candidate):
                // Membership is public (the public view lists members), so the world learns of an accession.
                events.Add(new(new MemberAdmitted(p.Candidate, draft.Id, at), Audience.Public));
                break;
            case SuspensionProposal p when state.IsMember(p.Member) && !state.IsSuspended(p.Member):
                // The suspended member is told, as the last alliance traffic it receives.
                events.Add(AllianceAudience.ToMembers(state, new MemberSuspended(p.Member, draft.Id, at)));
                break;
        }

        return events;
    }
}
