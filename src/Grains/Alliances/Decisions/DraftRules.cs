using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Draft decisions: tabling (with the charter's rule snapshotted), votes, broken silence, withdrawal of a draft.
/// Counting lives in <see cref="VoteCounting"/>; what a passed decision does in <see cref="DraftDecisions"/>.
/// </summary>
public static partial class AllianceRules
{
    public const string AdmissionRuleNote =
        "Admission always needs unanimity of the current members (DOMAIN.md, Membership), whatever the charter's decision rules say.";

    public static Decision TableDraft(AllianceState state, Participant actor, TableDraft command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "table drafts")
                ?? AllianceValidation.NewId(command.DraftId, "draftId", s.Drafts.ContainsKey, "draft")
                ?? CheckProposal(s, command.Member, command.Proposal);
            if (refused is not null)
            {
                return refused;
            }

            var (rule, note) = RuleFor(s.Charter, command.Proposal.Kind);
            // A deadline counted in turns or phases falls with the exercise's clock, never by time alone.
            var inPlay = rule.InPlay is { } phases ? CharterPhaseDeadlines.Resolve(phases, s.Clock) : null;
            return Decision.Accept(AllianceAudience.ToMembers(s, new DraftTabled(
                command.DraftId, command.Member, Normalised(command.Proposal), rule, note, now,
                inPlay is null ? now + rule.Deadline : DateTimeOffset.MaxValue, inPlay)));
        });

    public static Decision CastVote(AllianceState state, Participant actor, CastVote command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = FindDraft(s, actor, command.Member, command.DraftId, "vote", out var draft) ?? OpenFor(s, draft, command.Member);
            if (refused is not null)
            {
                return refused;
            }

            if (draft.Rule.Kind == DecisionRuleKind.SilenceProcedure)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument,
                    $"Draft {draft.Id} is under the silence procedure: members do not vote. It passes {CharterPhaseDeadlines.Until(draft)} unless a member breaks silence, with a reason, before then.",
                    "choice", "breakSilence");
            }

            if (draft.Votes.TryGetValue(command.Member, out var earlier))
            {
                return Decision.Reject(AllianceRejectionCodes.AlreadyRecorded,
                    $"{command.Member} already voted {Name(earlier.Choice)} on draft {draft.Id} at {earlier.At:u}; votes cannot be changed.", "choice");
            }

            refused = AllianceValidation.Text(command.Reason, "reason", "The reason", AllianceValidation.MaxReasonLength, required: false);
            return refused ?? Decision.Accept(AllianceAudience.ToMembers(s, new VoteCast(draft.Id, command.Member, command.Choice, Trimmed(command.Reason), now)));
        });

    public static Decision BreakSilence(AllianceState state, Participant actor, BreakSilence command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = FindDraft(s, actor, command.Member, command.DraftId, "break silence", out var draft) ?? OpenFor(s, draft, command.Member);
            if (refused is not null)
            {
                return refused;
            }

            if (draft.Rule.Kind != DecisionRuleKind.SilenceProcedure)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument,
                    $"Draft {draft.Id} is decided by {Name(draft.Rule.Kind)}, not the silence procedure: vote on it instead.", "draftId", "castVote");
            }

            refused = AllianceValidation.Text(command.Reason, "reason", "Breaking silence needs a stated reason; the reason", AllianceValidation.MaxReasonLength);
            return refused ?? Decision.Accept(AllianceAudience.ToMembers(s, new SilenceBroken(draft.Id, command.Member, command.Reason.Trim(), now)));
        });

    public static Decision WithdrawDraft(AllianceState state, Participant actor, WithdrawDraft command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = FindDraft(s, actor, command.Member, command.DraftId, "withdraw drafts", out var draft);
            if (refused is not null)
            {
                return refused;
            }

            if (!draft.IsOpen)
            {
                return Closed(draft);
            }

            return draft.TabledBy != command.Member
                ? Decision.Forbidden($"Only {draft.TabledBy}, which tabled draft {draft.Id}, can withdraw it.")
                : Decision.Accept(AllianceAudience.ToMembers(s, new DraftWithdrawn(draft.Id, command.Member, now)));
        });

    /// <summary>The draft a member acts on: refused when the actor may not act as that member or no such draft exists.</summary>
    private static Decision? FindDraft(AllianceState state, Participant actor, string member, string draftId, string what, out Draft draft)
    {
        draft = null!;
        return AllianceAccess.ActAs(state, actor, member, what)
            ?? (state.Drafts.TryGetValue(draftId, out draft!) ? null : UnknownDraft(state, draftId));
    }

    /// <summary>
    /// The rule a new draft of <paramref name="kind"/> is decided by: the charter's (its own entry, else its default,
    /// else consensus), except admission, which always needs unanimity (with the charter's deadline for admissions).
    /// </summary>
    public static (DecisionRule Rule, string Note) RuleFor(Charter charter, DecisionKind kind)
    {
        var charterRule = charter.RuleFor(kind);
        if (kind == DecisionKind.Admission)
        {
            var note = charterRule.Kind == DecisionRuleKind.Unanimity ? AdmissionRuleNote : $"{AdmissionRuleNote} The charter's {Name(charterRule.Kind)} rule does not apply.";
            return (new DecisionRule(DecisionRuleKind.Unanimity, charterRule.Deadline, InPlay: charterRule.InPlay), note);
        }

        var source = charter.DecisionRules.ContainsKey(kind) ? $"the charter's rule for {Kind(kind)}"
            : charter.DecisionRules.ContainsKey(DecisionKind.Default) ? "the charter's default rule"
            : "consensus (the charter names no rule)";
        return (charterRule, $"Decided by {Name(charterRule.Kind)}: {source}.");
    }

    private static Decision? CheckProposal(AllianceState state, string member, DraftProposal? proposal)
    {
        if (proposal is null)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "A draft needs a proposal.", "proposal",
                "collectiveDefence, jointDeployment, collectiveStatement, admission, suspension, signAgreement");
        }

        var problem = proposal switch
        {
            CollectiveDefenceProposal p => CheckCollectiveDefence(state, p),
            JointDeploymentProposal p => AllianceValidation.KnownNation(state, p.Nation, "proposal.nation")
                ?? AllianceValidation.Text(p.Area, "proposal.area", "The area", AllianceValidation.MaxTitleLength, required: false),
            CollectiveStatementProposal p => AllianceValidation.Text(p.Text, "proposal.text", "The statement's text", NationRules.MaxStatementLength),
            AdmissionProposal p => CheckAdmission(state, p),
            SuspensionProposal p => CheckSuspension(state, member, p),
            SignAgreementProposal p => AllianceValidation.Text(p.Session, "proposal.session", "The negotiation session", AllianceValidation.MaxTitleLength)
                ?? (p.Version >= 1 ? null : Decision.Reject(RejectionCodes.InvalidArgument, "The version to sign must be 1 or more.", "proposal.version", "1 or more")),
            _ => Decision.Reject(RejectionCodes.InvalidArgument, "Unknown kind of draft.", "proposal.kind",
                "collectiveDefence, jointDeployment, collectiveStatement, admission, suspension, signAgreement"),
        };
        if (problem is not null)
        {
            return problem;
        }

        // One open draft per matter: two concurrent drafts on the same attack or candidate could both pass.
        var open = state.Drafts.Values.FirstOrDefault(d => d.IsOpen && d.Kind == proposal.Kind && d.Proposal.Subject == proposal.Subject.Trim());
        return open is null
            ? null
            : Decision.Reject(RejectionCodes.InvalidState, $"Draft {open.Id} ({open.Proposal.Describe()}) is already open, to be decided {CharterPhaseDeadlines.Until(open)}; vote on it instead.", "proposal", open.Id);
    }

    private static Decision? CheckCollectiveDefence(AllianceState state, CollectiveDefenceProposal proposal)
    {
        if (state.Attacks.IsEmpty)
        {
            return Decision.Reject(AllianceRejectionCodes.NoArmedAttack,
                $"Collective defence can be invoked only after an armed attack on a member is on record; {state.Code} has none.", "proposal.attackId");
        }

        if (!state.Attacks.Exists(a => a.AttackId == proposal.AttackId))
        {
            return Decision.Reject(AllianceRejectionCodes.NoArmedAttack, $"No armed attack '{proposal.AttackId}' on a member is on record.", "proposal.attackId",
                AllianceValidation.List(state.Attacks.Select(a => $"{a.AttackId} ({a.Attacker} on {a.Victim})")));
        }

        return state.Invocations.Values.Any(i => i.AttackId == proposal.AttackId)
            ? Decision.Reject(RejectionCodes.InvalidState, $"Collective defence is already invoked for attack {proposal.AttackId}.", "proposal.attackId")
            : null;
    }

    private static Decision? CheckAdmission(AllianceState state, AdmissionProposal proposal)
    {
        var unknown = AllianceValidation.KnownNation(state, proposal.Candidate, "proposal.candidate");
        if (unknown is not null)
        {
            return unknown;
        }

        if (state.IsMember(proposal.Candidate))
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"{proposal.Candidate} is already a member of {state.Code}.", "proposal.candidate");
        }

        return state.Definition!.Type == AllianceType.Bilateral
            ? Decision.Reject(RejectionCodes.InvalidState, $"{state.Code} is a bilateral alliance: it has exactly two members and admits no others.", "proposal.kind")
            : null;
    }

    private static Decision? CheckSuspension(AllianceState state, string member, SuspensionProposal proposal)
    {
        if (!state.IsMember(proposal.Member))
        {
            return Decision.Reject(RejectionCodes.NotFound, $"{proposal.Member} is not a member of {state.Code}.", "proposal.member",
                AllianceValidation.List(state.ActiveMembers));
        }

        if (state.IsSuspended(proposal.Member))
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"{proposal.Member} is already suspended.", "proposal.member");
        }

        return proposal.Member == member
            ? Decision.Reject(RejectionCodes.InvalidArgument, "A member cannot table its own suspension; it may give notice of withdrawal instead.", "proposal.member")
            : null;
    }

    /// <summary>Trims free text so that authorisations match a statement's words, not its spacing.</summary>
    private static DraftProposal Normalised(DraftProposal proposal) => proposal switch
    {
        CollectiveStatementProposal p => p with { Text = p.Text.Trim() },
        JointDeploymentProposal p => p with { Area = Trimmed(p.Area) },
        _ => proposal,
    };

    /// <summary>Whether <paramref name="member"/> may still take part in <paramref name="draft"/>.</summary>
    private static Decision? OpenFor(AllianceState state, Draft draft, string member)
    {
        if (!draft.IsOpen)
        {
            return Closed(draft);
        }

        return draft.Proposal is SuspensionProposal p && p.Member == member
            ? Decision.Reject(AllianceRejectionCodes.NotEligible, $"{member} is the member draft {draft.Id} would suspend; it does not take part in the decision.", "member")
            : null;
    }

    private static Decision Closed(Draft draft) => draft.Status switch
    {
        DraftStatus.Withdrawn => Decision.Reject(AllianceRejectionCodes.DraftClosed, $"Draft {draft.Id} was withdrawn at {draft.WithdrawnAt:u}.", "draftId"),
        _ => Decision.Reject(AllianceRejectionCodes.DraftClosed,
            $"Draft {draft.Id} already {Name(draft.Status)} at {draft.Result!.At:u}{(draft.Result.At >= draft.Deadline ? " (its deadline)" : "")}: {draft.Result.Reason}",
            "draftId"),
    };

    private static Decision UnknownDraft(AllianceState state, string id) =>
        Decision.Reject(RejectionCodes.NotFound, $"No draft '{id}' in {state.Code}.", "draftId",
            AllianceValidation.List(state.Drafts.Values.Where(d => d.IsOpen).Select(d => d.Id)));
}
