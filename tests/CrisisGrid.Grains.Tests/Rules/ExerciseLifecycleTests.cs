using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Rules;

public class ExerciseLifecycleTests
{
    private static readonly Participant Control = Participant.Facilitator;

    internal static RuleHarness<ExerciseState> Created(ScenarioDefinition? scenario = null)
    {
        var exercise = Harness.Exercise();
        exercise.Accept(s => ExerciseRules.Create(s, Control, new CreateExercise("Exercise", scenario ?? TestScenarios.Small(), 42)));
        return exercise;
    }

    internal static RuleHarness<ExerciseState> Running(ScenarioDefinition? scenario = null)
    {
        var exercise = Created(scenario);
        exercise.Accept(s => ExerciseRules.Start(s, Control, exercise.Now));
        return exercise;
    }

    /// <summary>Planning → orders → adjudication → results, with no orders from anyone.</summary>
    internal static void PlayTurn(RuleHarness<ExerciseState> exercise)
    {
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        exercise.Accept(s => ExerciseRules.RecordAdjudication(s, [], new AdjudicationResult([], s.Draws), exercise.Now));
        exercise.Accept(s => ExerciseRules.EnterResults(s, exercise.Now));
    }

    [Fact]
    public void Creating_records_the_scenario_and_seed_for_control_only_and_assigns_the_scenario_teams_publicly()
    {
        var exercise = Created();
        Assert.Equal(ExerciseStatus.Draft, exercise.State.Status);
        Assert.Equal(42, exercise.State.Seed);
        Assert.Equal(Events.AudienceKind.Control, exercise.Log[0].Audience.Kind);
        Assert.Equal(["NOR", "EST"], exercise.Events<TeamAssigned>().Select(t => t.Nation));
        Assert.All(exercise.Log.Skip(1), e => Assert.Equal(Events.AudienceKind.Public, e.Audience.Kind));
    }

    [Fact]
    public void Creating_sets_up_every_nation_and_alliance_through_the_outbox()
    {
        var exercise = Created();
        Assert.Equal(4, exercise.State.Outbox.OfType<InitializeNationDelivery>().Count());
        Assert.Single(exercise.State.Outbox.OfType<InitializeAllianceDelivery>());
        Assert.Single(exercise.State.Outbox.OfType<ListInCatalogDelivery>());
    }

    [Fact]
    public void Starting_begins_turn_one_in_planning_at_the_scenario_clock()
    {
        var exercise = Running();
        Assert.Equal((ExerciseStatus.Running, 1, TurnPhase.Planning), (exercise.State.Status, exercise.State.Turn, exercise.State.Phase));
        var turn = Assert.Single(exercise.Events<TurnStarted>());
        Assert.Equal(TestScenarios.ClockStart, turn.SimulatedStart);
        Assert.Equal(TestScenarios.ClockStart.AddHours(12), turn.SimulatedEnd);
    }

    [Fact]
    public void A_turn_runs_planning_orders_adjudication_results_then_the_next_turn()
    {
        var exercise = Running();
        var phases = new List<TurnPhase> { exercise.State.Phase };
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        phases.Add(exercise.State.Phase);
        Assert.Equal(4, exercise.State.Outbox.OfType<OpenOrdersDelivery>().Count());
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        phases.Add(exercise.State.Phase);
        exercise.Accept(s => ExerciseRules.RecordAdjudication(s, [], new AdjudicationResult([], s.Draws), exercise.Now));
        exercise.Accept(s => ExerciseRules.EnterResults(s, exercise.Now));
        phases.Add(exercise.State.Phase);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));

        Assert.Equal([TurnPhase.Planning, TurnPhase.Orders, TurnPhase.Adjudication, TurnPhase.Results], phases);
        Assert.Equal((2, TurnPhase.Planning), (exercise.State.Turn, exercise.State.Phase));
    }

    [Fact]
    public void Advancing_past_the_final_turn_ends_the_exercise()
    {
        var exercise = Running(TestScenarios.Small(maxTurns: 2));
        PlayTurn(exercise);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        PlayTurn(exercise);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        Assert.Equal(ExerciseStatus.Ended, exercise.State.Status);
        Assert.Contains("final turn (2)", exercise.State.EndReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_and_resume_move_between_running_and_paused()
    {
        var exercise = Running();
        exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        Assert.Equal(ExerciseStatus.Paused, exercise.State.Status);
        exercise.Accept(s => ExerciseRules.Resume(s, Control, exercise.Now));
        Assert.Equal(ExerciseStatus.Running, exercise.State.Status);
    }

    public static TheoryData<string> IllegalTransitions() =>
    [
        "start-twice", "pause-draft", "resume-running", "advance-draft", "advance-paused", "start-ended", "pause-ended",
        "resume-ended", "advance-ended", "end-ended", "advance-during-adjudication", "review-while-running",
    ];

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Illegal_transitions_are_refused_and_change_nothing(string transition)
    {
        var exercise = transition switch
        {
            "pause-draft" or "advance-draft" => Created(),
            _ => Running(),
        };
        if (transition.EndsWith("-ended", StringComparison.Ordinal))
        {
            exercise.Accept(s => ExerciseRules.End(s, Control, new EndExercise("done")));
        }

        if (transition == "advance-paused")
        {
            exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        }

        if (transition == "advance-during-adjudication")
        {
            exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
            exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        }

        var before = exercise.State;
        var decision = transition switch
        {
            "start-twice" or "start-ended" => exercise.Do(s => ExerciseRules.Start(s, Control, exercise.Now)),
            "pause-draft" or "pause-ended" => exercise.Do(s => ExerciseRules.Pause(s, Control, exercise.Now)),
            "resume-running" or "resume-ended" => exercise.Do(s => ExerciseRules.Resume(s, Control, exercise.Now)),
            "end-ended" => exercise.Do(s => ExerciseRules.End(s, Control, new EndExercise("again"))),
            "review-while-running" => exercise.Do(s => ExerciseRules.OpenReview(s, Control)),
            _ => exercise.Do(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now)),
        };

        DecisionAssert.Rejected(decision, RejectionCodes.InvalidState);
        Assert.Same(before, exercise.State);
    }

    [Fact]
    public void Only_exercise_control_runs_the_clock()
    {
        var exercise = Created();
        var rejection = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Start(s, Participant.Team("NOR"), exercise.Now)), RejectionCodes.Forbidden);
        Assert.Contains("team NOR", rejection.Message, StringComparison.Ordinal);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Start(s, Participant.Observer, exercise.Now)), RejectionCodes.Forbidden);
        Assert.Equal(ExerciseStatus.Draft, exercise.State.Status);
    }

    [Fact]
    public void Advance_with_a_stale_expectation_changes_nothing()
    {
        var exercise = Running();
        var rejection = DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.Advance(s, Control, new AdvancePhase(1, TurnPhase.Orders), exercise.Now)),
            "clock-moved");
        Assert.Contains("turn 1, planning", rejection.Message, StringComparison.Ordinal);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(1, TurnPhase.Planning), exercise.Now));
        Assert.Equal(TurnPhase.Orders, exercise.State.Phase);
    }

    [Fact]
    public void Teams_that_gave_no_orders_are_recorded_as_missing_them_while_control_played_nations_are_not()
    {
        var exercise = Running();
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        var nations = TestScenarios.Small().Nations.Select(n => new Nations.ClosedOrders(1, Nations.NationState.Empty(n.Code), [])).ToList();
        exercise.Accept(s => ExerciseRules.RecordAdjudication(s, nations, new AdjudicationResult([], s.Draws), exercise.Now));

        var missed = exercise.Events<OrdersMissed>().ToList();
        Assert.Equal(["EST", "NOR"], missed.Select(m => m.Nation));
        Assert.All(exercise.Log.Where(e => e.Event is OrdersMissed), e => Assert.Single(e.Audience.Nations));
    }

    [Fact]
    public void Assigning_teams_checks_the_nation_and_keeps_one_team_per_nation()
    {
        var exercise = Created();
        exercise.Accept(s => ExerciseRules.Assign(s, Control, new AssignTeam("team-rus", "Red cell", "RUS")));
        var taken = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Assign(s, Control, new AssignTeam("team-x", "X", "NOR"))), RejectionCodes.InvalidState);
        Assert.Equal("SWE", taken.Allowed);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Assign(s, Control, new AssignTeam("team-x", "X", "ZZZ"))), RejectionCodes.NotFound);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Assign(s, Control, new AssignTeam("Team X!", "X", "SWE"))), RejectionCodes.InvalidArgument);
        exercise.Accept(s => ExerciseRules.Assign(s, Control, new AssignTeam("team-nor", "Team Norland", "SWE")));
        Assert.Equal("SWE", exercise.State.Teams["team-nor"].Nation);
    }

    [Fact]
    public void Ending_needs_a_reason()
    {
        var exercise = Running();
        var rejection = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.End(s, Control, new EndExercise(" "))), RejectionCodes.InvalidArgument);
        Assert.Equal("reason", rejection.Field);
    }

    [Fact]
    public void The_review_opens_only_after_the_end()
    {
        var exercise = Running();
        exercise.Accept(s => ExerciseRules.End(s, Control, new EndExercise("done")));
        exercise.Accept(s => ExerciseRules.OpenReview(s, Control));
        Assert.True(exercise.State.ReviewOpen);
    }
}
