using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>
/// One clock: the exercise pushes its status to the alliance; while the exercise is paused every alliance deadline
/// stands still and nothing is settled, and after it ends the alliance refuses every act.
/// </summary>
public class ExerciseClockTests
{
    private static AllianceBed SilenceDraft()
    {
        var bed = AllianceBed.Create(AllianceBed.Charter((DecisionKind.CollectiveStatement, AllianceBed.Rule(DecisionRuleKind.SilenceProcedure))));
        bed.FollowClock(ExerciseStatus.Running);
        Assert.True(bed.Table("NOR", new CollectiveStatementProposal("We stand together.")).IsAccepted);
        return bed;
    }

    [Fact]
    public void While_paused_a_real_time_deadline_stands_still_and_keeps_its_remaining_time_after_resuming()
    {
        var bed = SilenceDraft();
        var tabledAt = bed.Now;
        bed.Advance(TimeSpan.FromMinutes(10)); // 20 of the 30 minutes left
        bed.FollowClock(ExerciseStatus.Paused);

        bed.Advance(TimeSpan.FromHours(3));
        bed.Settle();
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);
        Assert.Null(AllianceSettlement.NextDeadline(bed.State)); // no reminder while the clock stands still

        bed.FollowClock(ExerciseStatus.Running);
        bed.Advance(TimeSpan.FromMinutes(19));
        bed.Settle();
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);

        bed.Advance(TimeSpan.FromMinutes(1));
        bed.Settle();
        var draft = bed.State.Drafts["d1"];
        Assert.Equal(DraftStatus.Passed, draft.Status);
        // Stamped on play time: 30 minutes of play after tabling, whatever the pause lasted.
        Assert.Equal(tabledAt + AllianceBed.VoteDeadline, draft.Result!.At);
    }

    [Fact]
    public void While_paused_nothing_is_settled_even_a_decision_every_vote_is_in_for()
    {
        var bed = AllianceBed.Create();
        bed.FollowClock(ExerciseStatus.Running);
        Assert.True(bed.Table("NOR", new CollectiveStatementProposal("Restraint.")).IsAccepted);
        bed.FollowClock(ExerciseStatus.Paused);

        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);

        bed.FollowClock(ExerciseStatus.Running);
        Assert.Equal(DraftStatus.Passed, bed.State.Drafts["d1"].Status);
    }

    [Fact]
    public void A_deadline_that_fell_before_the_pause_is_settled_at_its_own_instant_when_the_pause_arrives_late()
    {
        var bed = SilenceDraft();
        var deadline = bed.State.Drafts["d1"].Deadline;
        bed.Advance(AllianceBed.VoteDeadline + TimeSpan.FromMinutes(5));
        bed.FollowClock(ExerciseStatus.Paused);

        var draft = bed.State.Drafts["d1"];
        Assert.Equal((DraftStatus.Passed, deadline), (draft.Status, draft.Result!.At));
    }

    [Fact]
    public void End_means_ended_the_alliance_authorises_no_order_and_lets_no_deadline_fall_after_the_end()
    {
        var bed = SilenceDraft();
        bed.FollowClock(ExerciseStatus.Ended, turn: 4, phase: TurnPhase.Results);
        bed.Advance(TimeSpan.FromDays(1));
        bed.Settle();
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);

        var refusal = AllianceRules.Authorise(bed.State, "NOR", DecisionKind.JointDeployment, "EST", bed.Now).Refusal;
        Assert.Equal(AllianceRejectionCodes.ExerciseEnded, refusal?.Code);

        // A clock change after the end changes nothing either.
        Assert.Empty(AllianceRules.FollowExerciseClock(bed.State, Participant.Facilitator, new FollowExerciseClock(ExerciseStatus.Running, 5, TurnPhase.Planning, bed.Now)).Events);
    }

    [Fact]
    public void Only_the_exercise_reports_its_clock()
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(
            AllianceRules.FollowExerciseClock(bed.State, Participant.Team("NOR"), new FollowExerciseClock(ExerciseStatus.Ended, 1, TurnPhase.Planning, bed.Now)),
            RejectionCodes.Forbidden);
    }

    private static AllianceBed PhaseDraft(PhaseDeadline inPlay, int turn, TurnPhase phase)
    {
        var rule = AllianceBed.Rule(DecisionRuleKind.SilenceProcedure) with { InPlay = inPlay };
        var bed = AllianceBed.Create(AllianceBed.Charter((DecisionKind.CollectiveStatement, rule)));
        bed.FollowClock(ExerciseStatus.Running, turn, phase);
        Assert.True(bed.Table("NOR", new CollectiveStatementProposal("We stand together.")).IsAccepted);
        return bed;
    }

    [Fact]
    public void One_clock_a_decision_deadline_of_2_turns_falls_when_the_turn_after_next_begins_and_never_by_time_alone()
    {
        var bed = PhaseDraft(new PhaseDeadline(2, null), turn: 1, TurnPhase.Orders);
        Assert.Equal(new PhasePoint(2, TurnPhase.Results), bed.State.Drafts["d1"].DueAfter);
        Assert.Null(AllianceSettlement.NextDeadline(bed.State)); // no reminder: only the exercise's clock moves it

        bed.Advance(TimeSpan.FromDays(3));
        bed.Settle();
        bed.FollowClock(ExerciseStatus.Running, 2, TurnPhase.Results);
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);

        bed.Advance(TimeSpan.FromMinutes(1));
        bed.FollowClock(ExerciseStatus.Running, 3, TurnPhase.Planning);
        var draft = bed.State.Drafts["d1"];
        Assert.Equal((DraftStatus.Passed, bed.Now), (draft.Status, draft.Result!.At));
    }

    [Fact]
    public void One_clock_end_of_next_orders_phase_means_this_turns_orders_before_they_begin_and_next_turns_once_they_have()
    {
        Assert.Equal(new PhasePoint(1, TurnPhase.Orders), PhaseDraft(new PhaseDeadline(null, TurnPhase.Orders), 1, TurnPhase.Planning).State.Drafts["d1"].DueAfter);
        var bed = PhaseDraft(new PhaseDeadline(null, TurnPhase.Orders), 1, TurnPhase.Orders);
        Assert.Equal(new PhasePoint(2, TurnPhase.Orders), bed.State.Drafts["d1"].DueAfter);

        var early = DecisionAssert.Rejected(bed.Table("SWE", new CollectiveStatementProposal("We stand together."), id: "d2"), RejectionCodes.InvalidState);
        Assert.Contains("to be decided at the end of turn 2's orders phase", early.Message, StringComparison.Ordinal);

        bed.FollowClock(ExerciseStatus.Running, 2, TurnPhase.Orders);
        Assert.Equal(DraftStatus.Open, bed.State.Drafts["d1"].Status);
        bed.FollowClock(ExerciseStatus.Running, 2, TurnPhase.Adjudication);
        Assert.Equal(DraftStatus.Passed, bed.State.Drafts["d1"].Status);
    }
}
