using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// The alliance's state transitions: pure, total, and the only place its state changes. Events carry every instant
/// they need, so folding never reads a clock and a replay rebuilds the same state.
/// </summary>
public static class AllianceEvolve
{
    public static AllianceState Apply(AllianceState state, DomainEvent domainEvent) => domainEvent switch
    {
        AllianceInitialized e => state with
        {
            Initialized = true,
            Definition = e.Definition,
            Nations = e.Nations.IsDefault ? [] : e.Nations,
            Members = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, e.Definition.Members),
        },
        ArmedAttackOnMemberRecorded e => state with { Attacks = state.Attacks.Add(new ArmedAttackRecord(e.AttackId, e.Attacker, e.Victim, e.InjectId)) },

        ConsultationRequested e => state with
        {
            Consultations = state.Consultations.SetItem(e.ConsultationId, new Consultation(
                e.ConsultationId, e.Member, e.InjectId, e.Threat, e.RequestedAt, e.ConveneBy, e.Notified, ConsultationStatus.Requested,
                ConvenedBy: null, ConvenedByMember: null, ConvenedAt: null, PositionsDue: null,
                ImmutableSortedDictionary<string, ConsultationPosition>.Empty.WithComparers(StringComparer.Ordinal), Outcome: null)),
        },
        ConsultationConvened e => Consultation(state, e.ConsultationId, c => c with
        {
            Status = ConsultationStatus.Convened,
            ConvenedBy = e.By,
            ConvenedByMember = e.Member,
            ConvenedAt = e.At,
            PositionsDue = e.PositionsDue,
        }),
        PositionRecorded e => Consultation(state, e.ConsultationId, c => c with
        {
            Positions = c.Positions.SetItem(e.Member, new ConsultationPosition(e.Member, e.Position, e.Text, e.At)),
        }),
        ConsultationConcluded e => Consultation(state, e.ConsultationId, c => c with { Status = ConsultationStatus.Concluded, Outcome = e.Outcome }),

        DraftTabled e => state with
        {
            Drafts = state.Drafts.SetItem(e.DraftId, new Draft(
                e.DraftId, e.Proposal, e.Member, e.Rule, e.RuleNote, e.TabledAt, e.Deadline, DraftStatus.Open,
                ImmutableSortedDictionary<string, Ballot>.Empty.WithComparers(StringComparer.Ordinal), SilenceBreak: null, Result: null, WithdrawnAt: null, e.DueAfter)),
        },
        VoteCast e => Draft(state, e.DraftId, d => d with { Votes = d.Votes.SetItem(e.Member, new Ballot(e.Member, e.Choice, e.Reason, e.At)) }),
        SilenceBroken e => Draft(state, e.DraftId, d => d with { SilenceBreak = new SilenceBreak(e.Member, e.Reason, e.At) }),
        DraftWithdrawn e => Draft(state, e.DraftId, d => d with { Status = DraftStatus.Withdrawn, WithdrawnAt = e.At }),
        DraftDecided e => Draft(state, e.DraftId, d => d with { Status = e.Result.Status, Result = e.Result }),

        CollectiveDefenceInvoked e => state with
        {
            Invocations = state.Invocations.SetItem(e.InvocationId, new DefenceInvocation(
                e.InvocationId, e.AttackId, e.Attacker, e.Victim, e.InvokedAt, e.ResponsesDue, e.Owing,
                ImmutableSortedDictionary<string, DefenceResponse>.Empty.WithComparers(StringComparer.Ordinal), Closed: false, ClosedAt: null, FreeRiders: [])),
        },
        DefenceResponseRecorded e => Invocation(state, e.InvocationId, i => i with
        {
            Responses = i.Responses.SetItem(e.Member, new DefenceResponse(e.Member, e.Kind, e.Description, e.At)),
        }),
        DefenceResponsesClosed e => Invocation(state, e.InvocationId, i => i with { Closed = true, ClosedAt = e.At, FreeRiders = e.FreeRiders }),

        MemberAdmitted e => state with { Members = state.Members.Add(e.Nation), FormerMembers = state.FormerMembers.Remove(e.Nation) },
        MemberSuspended e => state with { Suspended = state.Suspended.Add(e.Member) },
        WithdrawalNoticeGiven e => state with
        {
            Withdrawals = state.Withdrawals.SetItem(e.Member, new WithdrawalNotice(e.Member, e.Reason, e.GivenAt, e.EffectiveAt)),
        },
        MemberWithdrew e => state with
        {
            Members = state.Members.Remove(e.Member),
            Suspended = state.Suspended.Remove(e.Member),
            FormerMembers = state.FormerMembers.Add(e.Member),
            Withdrawals = state.Withdrawals.Remove(e.Member),
        },

        ResourcesPledged e => state with
        {
            Pledges = state.Pledges.SetItem(e.PledgeId, new Pledge(e.PledgeId, e.Member, e.Resource, e.Amount, 0, e.At, e.DueBy, FellDue: false)),
        },
        PledgeDelivered e => Pledge(state, e.PledgeId, p => p with { Delivered = p.Delivered + e.Amount }),
        PledgeFellDue e => Pledge(state, e.PledgeId, p => p with { FellDue = true }),

        IntelligenceShared e => state with
        {
            Intelligence = state.Intelligence.Add(new IntelligenceReport(e.ReportId, e.Member, e.Title, e.Body, e.About, e.At)),
        },
        ExerciseClockFollowed e => state with { Clock = ExerciseTime.Follow(state.Clock, e.Status, e.Turn, e.Phase, e.At) },
        _ => state,
    };

    /// <summary>Folds pending events, in order: how rules look at the state their own events lead to.</summary>
    public static AllianceState ApplyAll(AllianceState state, IEnumerable<PendingEvent> events) =>
        events.Aggregate(state, (s, e) => Apply(s, e.Event));

    private static AllianceState Consultation(AllianceState state, string id, Func<Consultation, Consultation> change) =>
        state.Consultations.TryGetValue(id, out var c) ? state with { Consultations = state.Consultations.SetItem(id, change(c)) } : state;

    private static AllianceState Draft(AllianceState state, string id, Func<Draft, Draft> change) =>
        state.Drafts.TryGetValue(id, out var d) ? state with { Drafts = state.Drafts.SetItem(id, change(d)) } : state;

    private static AllianceState Invocation(AllianceState state, string id, Func<DefenceInvocation, DefenceInvocation> change) =>
        state.Invocations.TryGetValue(id, out var i) ? state with { Invocations = state.Invocations.SetItem(id, change(i)) } : state;

    private static AllianceState Pledge(AllianceState state, string id, Func<Pledge, Pledge> change) =>
        state.Pledges.TryGetValue(id, out var p) ? state with { Pledges = state.Pledges.SetItem(id, change(p)) } : state;
}
