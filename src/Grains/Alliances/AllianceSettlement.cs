using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// What the alliance does by itself: deadlines that come due (a consultation convening at its convene-by instant,
/// positions closing, a draft decided at its deadline, collective-defence responses closing, a withdrawal taking
/// effect, a pledge falling due) and decisions that can be made early (every vote that matters is in).
/// <para>
/// Deadlines are processed one at a time in the order they fell, each stamped with its own instant, so a grain that
/// was down for hours and catches up records exactly what would have happened live: a silence-procedure draft passes
/// at 10:30 even when the catch-up runs at 12:00, and a withdrawal that took effect at 10:00 is out of a vote decided
/// at 10:30. Rules run this before every command (lazily) and the grain's reminder runs it on time.
/// </para>
/// </summary>
public static class AllianceSettlement
{
    // Guards against a bug looping forever; each step closes at least one item, so real alliances stop long before.
    private const int MaxSteps = 10_000;

    private enum DeadlineKind
    {
        // Order among deadlines at the same instant: membership first, so a vote decided at that instant counts the
        // members as they are then.
        Withdrawal,
        Convene,
        Positions,
        Draft,
        Responses,
        Pledge,
    }

    private sealed record Deadline(DateTimeOffset At, DeadlineKind Kind, string Id);

    /// <summary>Everything due by <paramref name="now"/>, and early decisions, as events; with the state they lead to.</summary>
    public static (ImmutableArray<PendingEvent> Events, AllianceState State) Settle(AllianceState state, DateTimeOffset now)
    {
        if (!state.Initialized || !ExerciseTime.Settles(state.Clock))
        {
            return ([], state); // paused: every deadline stands still; ended: nothing more happens
        }

        var events = ImmutableArray.CreateBuilder<PendingEvent>();
        var cursor = now;
        for (var step = 0; step < MaxSteps; step++)
        {
            var next = Early(state, cursor);
            if (next.Count == 0)
            {
                var due = Pending(state).FirstOrDefault();
                if (due is null || due.At > now)
                {
                    break;
                }

                cursor = due.At;
                next = Fall(state, due);
            }

            events.AddRange(next);
            state = AllianceEvolve.ApplyAll(state, next);
        }

        return (events.ToImmutable(), state);
    }

    /// <summary>The earliest pending deadline (play time), for the grain's reminder; null when nothing is pending or the clock stands still.</summary>
    public static DateTimeOffset? NextDeadline(AllianceState state) =>
        state.Initialized && ExerciseTime.Settles(state.Clock) ? Pending(state).FirstOrDefault(d => d.At != DateTimeOffset.MaxValue)?.At : null;

    private static IEnumerable<Deadline> Pending(AllianceState state)
    {
        var deadlines = state.Withdrawals.Values.Select(w => new Deadline(w.EffectiveAt, DeadlineKind.Withdrawal, w.Member))
            .Concat(state.Consultations.Values.Where(c => c.Status == ConsultationStatus.Requested)
                .Select(c => new Deadline(c.ConveneBy, DeadlineKind.Convene, c.Id)))
            .Concat(state.Consultations.Values.Where(c => c.Status == ConsultationStatus.Convened)
                .Select(c => new Deadline(c.PositionsDue!.Value, DeadlineKind.Positions, c.Id)))
            .Concat(state.Drafts.Values.Where(d => d.IsOpen).Select(d => new Deadline(DraftDue(state, d), DeadlineKind.Draft, d.Id)))
            .Concat(state.Invocations.Values.Where(i => !i.Closed).Select(i => new Deadline(i.ResponsesDue, DeadlineKind.Responses, i.Id)))
            .Concat(state.Pledges.Values.Where(p => !p.FellDue).Select(p => new Deadline(p.DueBy, DeadlineKind.Pledge, p.Id)));
        return deadlines.OrderBy(d => d.At).ThenBy(d => d.Kind).ThenBy(d => d.Id, StringComparer.Ordinal);
    }

    // A deadline counted in phases is due at the clock change that moved past it, and never by time alone.
    private static DateTimeOffset DraftDue(AllianceState state, Draft draft) =>
        draft.DueAfter is not { } point ? draft.Deadline
        : CharterPhaseDeadlines.Passed(point, state.Clock) && state.Clock.ChangedAt is { } changed ? changed
        : DateTimeOffset.MaxValue;

    private static IReadOnlyList<PendingEvent> Fall(AllianceState state, Deadline due) => due.Kind switch
    {
        DeadlineKind.Withdrawal => [new(new MemberWithdrew(due.Id, due.At), Audience.Public)],
        DeadlineKind.Convene => [AllianceAudience.ToMembers(state, new ConsultationConvened(
            due.Id, ConvenedBy.CharterDeadline, null, due.At, due.At + state.Charter.Consultation.PositionsDueWithin))],
        DeadlineKind.Positions => [Conclude(state, state.Consultations[due.Id], due.At, early: false)],
        DeadlineKind.Draft => DraftDecisions.Decide(state, state.Drafts[due.Id], Count(state, state.Drafts[due.Id], deadlineReached: true), due.At),
        DeadlineKind.Responses => [CloseResponses(state, state.Invocations[due.Id], due.At)],
        DeadlineKind.Pledge => [PledgeDue(state, state.Pledges[due.Id], due.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(due), due.Kind, "Unknown deadline."),
    };

    /// <summary>The first item that can be settled without waiting: a draft no vote can change, a complete consultation or response round.</summary>
    private static IReadOnlyList<PendingEvent> Early(AllianceState state, DateTimeOffset at)
    {
        foreach (var draft in state.Drafts.Values.Where(d => d.IsOpen).OrderBy(d => d.TabledAt).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var verdict = Count(state, draft, deadlineReached: false);
            if (verdict.IsDecided)
            {
                return DraftDecisions.Decide(state, draft, verdict, at);
            }
        }

        foreach (var consultation in state.Consultations.Values.Where(c => c.Status == ConsultationStatus.Convened))
        {
            if (Expected(state, consultation).All(consultation.Positions.ContainsKey))
            {
                return [Conclude(state, consultation, at, early: true)];
            }
        }

        foreach (var invocation in state.Invocations.Values.Where(i => !i.Closed))
        {
            if (!invocation.Outstanding.Any())
            {
                return [CloseResponses(state, invocation, at)];
            }
        }

        return [];
    }

    public static Verdict Count(AllianceState state, Draft draft, bool deadlineReached) =>
        VoteCounting.Count(
            draft.Rule,
            state.EligibleFor(draft),
            draft.Votes.ToDictionary(v => v.Key, v => v.Value.Choice, StringComparer.Ordinal),
            draft.SilenceBreak,
            deadlineReached);

    /// <summary>Who owes a position: the members notified when it was requested that are still in good standing.</summary>
    public static IEnumerable<string> Expected(AllianceState state, Consultation consultation) =>
        consultation.Notified.Where(m => state.IsMember(m) && !state.IsSuspended(m));

    private static PendingEvent Conclude(AllianceState state, Consultation consultation, DateTimeOffset at, bool early)
    {
        var positions = consultation.Positions.Values.ToList();
        var outcome = new ConsultationOutcome(
            at,
            early,
            positions.Count(p => p.Kind == PositionKind.Support),
            positions.Count(p => p.Kind == PositionKind.Oppose),
            positions.Count(p => p.Kind == PositionKind.Abstain),
            positions.Count(p => p.Kind == PositionKind.Statement),
            [.. Expected(state, consultation).Where(m => !consultation.Positions.ContainsKey(m))]);
        return AllianceAudience.ToMembers(state, new ConsultationConcluded(consultation.Id, outcome));
    }

    private static PendingEvent CloseResponses(AllianceState state, DefenceInvocation invocation, DateTimeOffset at) =>
        AllianceAudience.ToMembers(state, new DefenceResponsesClosed(
            invocation.Id,
            at,
            [.. invocation.Owing.Where(invocation.Responses.ContainsKey)],
            [.. invocation.Outstanding]));

    private static PendingEvent PledgeDue(AllianceState state, Pledge pledge, DateTimeOffset at) =>
        AllianceAudience.ToMembers(state, new PledgeFellDue(pledge.Id, pledge.Member, at, pledge.Amount, pledge.Delivered, pledge.Outstanding));
}
