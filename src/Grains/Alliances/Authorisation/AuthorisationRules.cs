using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Alliance-flagged actions (a joint deployment, a collective statement) are refused unless a passed decision
/// authorises them (DOMAIN.md). The nation grain asks <see cref="Authorise"/> before it accepts such an order. Asking
/// changes nothing: a refused order leaves no trace in the alliance (a refused command changes no state).
/// </summary>
public static partial class AllianceRules
{
    /// <summary>
    /// Whether a passed decision lets <paramref name="nation"/> act in the alliance's name on <paramref name="subject"/>
    /// at <paramref name="now"/> (deadlines due by then count: a silence procedure that ran out has passed).
    /// </summary>
    public static Authorisation Authorise(AllianceState state, string nation, DecisionKind kind, string? subject, DateTimeOffset now)
    {
        state = AllianceSettlement.Settle(state, now).State;
        var subjectText = subject?.Trim();
        Authorisation Refuse(Rejection refusal, bool member = true) => new(state.Code, nation, kind, subjectText, member, null, refusal);

        if (!state.Initialized)
        {
            return Refuse(new Rejection(RejectionCodes.NotFound, $"There is no alliance {state.Code} in this exercise.", "action.alliance"), member: false);
        }

        if (EndedRefusal(state) is { } ended)
        {
            return Refuse(ended);
        }

        if (!state.IsMember(nation))
        {
            return Refuse(new Rejection(RejectionCodes.Forbidden, $"{nation} is not a member of {state.Code}; only members act under its decisions.", "action.alliance"), member: false);
        }

        if (state.IsSuspended(nation))
        {
            return Refuse(new Rejection(RejectionCodes.Forbidden, $"{nation} is suspended from {state.Code} and cannot act in its name.", "action.alliance"));
        }

        if (kind is not (DecisionKind.JointDeployment or DecisionKind.CollectiveStatement or DecisionKind.SignAgreement))
        {
            return Refuse(new Rejection(RejectionCodes.InvalidArgument, $"A {Kind(kind)} decision does not authorise an order.", "kind", "jointDeployment, collectiveStatement, signAgreement"));
        }

        var passed = state.Drafts.Values
            .Where(d => d.Status == DraftStatus.Passed && d.Kind == kind && d.Proposal.Subject == subjectText)
            .OrderBy(d => d.Result!.At)
            .FirstOrDefault();
        if (passed is not null)
        {
            return new(state.Code, nation, kind, subjectText, true, passed.Id, null);
        }

        var what = kind switch
        {
            DecisionKind.JointDeployment => $"authorising a deployment to {subjectText}",
            DecisionKind.SignAgreement => $"authorising it to sign {subjectText}",
            _ => "authorising this statement, word for word",
        };
        var pending = state.Drafts.Values.FirstOrDefault(d => d.IsOpen && d.Kind == kind && d.Proposal.Subject == subjectText);
        var next = pending is null ? "table one first" : $"draft {pending.Id} is still open until it is decided {CharterPhaseDeadlines.Until(pending)}";
        return Refuse(new Rejection(
            AllianceRejectionCodes.NotAuthorised,
            $"{state.Code} has no passed {Kind(kind)} decision {what}; {next}.",
            "action",
            $"a passed {Kind(kind)} decision of {state.Code}"));
    }

    /// <summary>
    /// Whether a passed decision of the alliance covers <paramref name="subject"/>, whoever asks: a negotiated
    /// peacekeeping deployment takes its mandate from a passed joint-deployment decision for the host nation.
    /// </summary>
    public static Authorisation Mandate(AllianceState state, DecisionKind kind, string subject, DateTimeOffset now)
    {
        state = AllianceSettlement.Settle(state, now).State;
        var asker = state.Initialized ? state.ActiveMembers.FirstOrDefault() : null;
        return asker is null
            ? new(state.Code, "", kind, subject, false, null, new Rejection(RejectionCodes.NotFound, $"There is no alliance {state.Code} with members in this exercise.", "alliance"))
            : Authorise(state, asker, kind, subject, now);
    }
}
