using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Exercises.AdjudicationReview;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using FsCheck;
using FsCheck.Xunit;

namespace CrisisGrid.Grains.Tests.Rules;

/// <summary>Review before release (docs/adjudication.md): held outcomes, verdicts with a rationale, the release.</summary>
public class AdjudicationReviewTests
{
    private static readonly Participant Control = Participant.Facilitator;

    internal static RuleHarness<ExerciseState> Reviewing()
    {
        var scenario = TestScenarios.Small();
        return ExerciseLifecycleTests.Running(scenario with { Clock = scenario.Clock with { ReviewAdjudications = true } });
    }

    /// <summary>Orders close and the turn is adjudicated with the review on: NOR sanctions RUS, EST makes a statement.</summary>
    internal static RuleHarness<ExerciseState> Held(RuleHarness<ExerciseState>? exercise = null, ImmutableArray<ClosedOrders>? orders = null)
    {
        exercise ??= Reviewing();
        var clock = exercise;
        clock.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), clock.Now));
        clock.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), clock.Now));
        var closed = orders ?? [
            new ClosedOrders(1, Generators.Initialized("EST"), [new Order("o1", 1, new PublicStatement(StatementTone.Firm, "We stand firm.", "RUS"), 1)]),
            new ClosedOrders(1, Generators.Initialized("NOR"), [new Order("o1", 1, new ImposeSanctions("RUS"), 2)]),
        ];
        var result = Adjudicator.Adjudicate(new AdjudicationInput(clock.State.Turn, clock.State.Seed, clock.State.Draws, closed));
        clock.Accept(s => ExerciseRules.RecordAdjudication(s, closed, result, clock.Now));
        return clock;
    }

    private static Decision Review(RuleHarness<ExerciseState> exercise, string outcomeId, OutcomeVerdict verdict, string? rationale = null, ImmutableArray<NationDelta>? effects = null, Participant? actor = null) =>
        exercise.Do(s => AdjudicationReviewRules.Review(s, actor ?? Control, new ReviewOutcome(outcomeId, verdict, rationale, effects)));

    private static Decision Release(RuleHarness<ExerciseState> exercise, Participant? actor = null) =>
        exercise.Do(s => AdjudicationReviewRules.Release(s, actor ?? Control, new ReleaseResults()));

    [Fact]
    public void With_the_review_on_adjudicated_outcomes_are_held_for_control_and_reach_no_nation_and_no_team()
    {
        var exercise = Held();

        Assert.True(exercise.State.AwaitingRelease);
        Assert.Equal(["t1-EST-1", "t1-NOR-1"], exercise.State.Queue!.OutcomeIds.ToArray());
        Assert.Equal(2, exercise.State.Queue.PendingCount);
        Assert.Empty(exercise.State.Outbox.OfType<NationChangeDelivery>());
        Assert.Empty(exercise.Events<OutcomeReported>());
        Assert.Empty(exercise.Events<NewsPublished>());
        Assert.All(exercise.Log.Where(e => e.Event is AdjudicationHeld or ActionAdjudicated or AdjudicationCompleted), e => Assert.Equal(AudienceKind.Control, e.Audience.Kind));
        Assert.Equal(TurnPhase.Adjudication, exercise.State.Phase);
    }

    [Fact]
    public void Held_results_keep_the_turn_in_adjudication_with_no_deadline_until_released()
    {
        var exercise = Held();

        Assert.Null(exercise.State.DeadlineAt);
        Assert.False(ExerciseRules.DeadlinePassed(exercise.State, exercise.Now.AddDays(7)));
        Assert.Empty(ExerciseRules.EnterResults(exercise.State, exercise.Now).Events);
        var advance = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now)), RejectionCodes.InvalidState);
        Assert.Contains("held for review", advance.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_is_off_unless_the_scenario_or_exercise_control_turns_it_on()
    {
        Assert.False(ExerciseLifecycleTests.Created().State.ReviewAdjudications);

        var exercise = ExerciseLifecycleTests.Running();
        exercise.Accept(s => AdjudicationReviewRules.Set(s, Control, new SetAdjudicationReview(true)));
        Assert.True(exercise.State.ReviewAdjudications);
        Assert.Equal(AudienceKind.Control, exercise.Log[^1].Audience.Kind);

        var held = Held(exercise);
        Assert.True(held.State.AwaitingRelease);
        DecisionAssert.Rejected(held.Do(s => AdjudicationReviewRules.Set(s, Control, new SetAdjudicationReview(false))), RejectionCodes.InvalidState);
        DecisionAssert.Rejected(held.Do(s => AdjudicationReviewRules.Set(s, Participant.Team("NOR"), new SetAdjudicationReview(false))), RejectionCodes.Forbidden);
    }

    [Fact]
    public void Approving_needs_no_rationale_but_amending_and_voiding_do()
    {
        var exercise = Held();
        var logged = exercise.Log.Count;

        foreach (var verdict in new[] { OutcomeVerdict.Amend, OutcomeVerdict.Void })
        {
            foreach (var rationale in new[] { null, "", "   " })
            {
                var effects = verdict == OutcomeVerdict.Amend ? [NationDelta.None("RUS").AddIndex(NationIndex.Economy, -3)] : (ImmutableArray<NationDelta>?)null;
                var refused = DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", verdict, rationale, effects), RejectionCodes.InvalidArgument);
                Assert.Equal("rationale", refused.Field);
                Assert.Equal($"1 to {ExerciseRules.MaxReasonLength} characters", refused.Allowed);
            }
        }

        Assert.Equal(logged, exercise.Log.Count);
        Assert.True(Review(exercise, "t1-NOR-1", OutcomeVerdict.Approve).IsAccepted);
        Assert.Null(exercise.Events<OutcomeReviewed>().Single().Rationale);
    }

    [Fact]
    public void Reviewing_an_unknown_outcome_is_refused_and_changes_nothing()
    {
        var exercise = Held();
        var before = exercise.State;

        var refused = DecisionAssert.Rejected(Review(exercise, "t9-XXX-1", OutcomeVerdict.Approve), RejectionCodes.NotFound);

        Assert.Equal("outcomeId", refused.Field);
        Assert.Equal("one of the 2 outcomes held for turn 1", refused.Allowed);
        Assert.Same(before, exercise.State);
    }

    [Fact]
    public void Each_outcome_is_reviewed_once()
    {
        var exercise = Held();
        Assert.True(Review(exercise, "t1-NOR-1", OutcomeVerdict.Void, "Sanctions were never authorised by cabinet").IsAccepted);
        var before = exercise.State;

        var refused = DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Approve), AdjudicationReviewRules.AlreadyReviewed);

        Assert.Contains("already voided", refused.Message, StringComparison.Ordinal);
        Assert.Equal("one of the 1 outcomes still awaiting review", refused.Allowed);
        Assert.Same(before, exercise.State);
    }

    [Fact]
    public void Releasing_with_outcomes_still_unreviewed_is_refused_naming_how_many()
    {
        var exercise = Held();
        var refused = DecisionAssert.Rejected(Release(exercise), AdjudicationReviewRules.ReviewsPending);
        Assert.StartsWith("2 outcomes of turn 1 still await review", refused.Message, StringComparison.Ordinal);

        Review(exercise, "t1-EST-1", OutcomeVerdict.Approve);
        var before = exercise.State;
        refused = DecisionAssert.Rejected(Release(exercise), AdjudicationReviewRules.ReviewsPending);
        Assert.StartsWith("1 outcome of turn 1 still awaits review", refused.Message, StringComparison.Ordinal);
        Assert.Equal("queue", refused.Field);
        Assert.Same(before, exercise.State);
    }

    [Fact]
    public void Reviewing_or_releasing_outside_a_held_adjudication_is_refused()
    {
        var exercise = Reviewing();
        DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Approve), AdjudicationReviewRules.NoQueue);
        var refused = DecisionAssert.Rejected(Release(exercise), AdjudicationReviewRules.NoQueue);
        Assert.Equal("phase", refused.Field);

        // Without the review, an adjudicated turn goes straight out: nothing is held to review.
        var direct = Held(ExerciseLifecycleTests.Running());
        Assert.False(direct.State.AwaitingRelease);
        DecisionAssert.Rejected(Review(direct, "t1-NOR-1", OutcomeVerdict.Approve), AdjudicationReviewRules.NoQueue);
    }

    [Fact]
    public void Only_exercise_control_reviews_and_releases()
    {
        var exercise = Held();
        foreach (var actor in new[] { Participant.Team("NOR"), Participant.Observer })
        {
            DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Approve, actor: actor), RejectionCodes.Forbidden);
            DecisionAssert.Rejected(Release(exercise, actor), RejectionCodes.Forbidden);
        }

        Assert.Empty(exercise.Events<OutcomeReviewed>());
    }

    [Fact]
    public void A_paused_or_ended_exercise_refuses_reviews_and_the_release()
    {
        var exercise = Held();
        exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        var refused = DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Approve), RejectionCodes.InvalidState);
        Assert.Equal("status", refused.Field);
        Assert.Contains("paused", refused.Message, StringComparison.Ordinal);

        exercise.Accept(s => ExerciseRules.End(s, Control, new EndExercise("Time is up")));
        DecisionAssert.Rejected(Release(exercise), RejectionCodes.InvalidState);
        Assert.Empty(exercise.Events<OutcomeReviewed>());
    }

    [Fact]
    public void An_amendment_needs_valid_effects_and_an_approval_or_void_takes_none()
    {
        var exercise = Held();
        DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Amend, "Softer", []), RejectionCodes.InvalidArgument);
        var unknown = DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Amend, "Softer", [NationDelta.None("XXX").AddIndex(NationIndex.Economy, 1)]), RejectionCodes.NotFound);
        Assert.Equal("effects[0].nation", unknown.Field);
        var tooBig = DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Amend, "Softer", [NationDelta.None("RUS").AddIndex(NationIndex.Economy, 500)]), RejectionCodes.InvalidArgument);
        Assert.StartsWith("effects[0]", tooBig.Field, StringComparison.Ordinal);
        DecisionAssert.Rejected(Review(exercise, "t1-NOR-1", OutcomeVerdict.Void, "No", [NationDelta.None("RUS").AddIndex(NationIndex.Economy, 1)]), RejectionCodes.InvalidArgument);
        Assert.Empty(exercise.Events<OutcomeReviewed>());
    }

    [Fact]
    public void An_override_of_a_held_outcome_is_refused_the_queue_decides_it()
    {
        var exercise = Held();
        var refused = DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t1-NOR-1", [NationDelta.None("RUS")], "why"))), RejectionCodes.InvalidState);
        Assert.Contains("adjudication queue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Releasing_delivers_approved_and_amended_effects_tells_the_actors_and_keeps_the_rationale_for_control()
    {
        var exercise = Held();
        var statement = exercise.State.Outcomes["t1-EST-1"];
        var amended = NationDelta.None("RUS").AddIndex(NationIndex.Economy, -2);
        Review(exercise, "t1-EST-1", OutcomeVerdict.Approve, "As adjudicated");
        Review(exercise, "t1-NOR-1", OutcomeVerdict.Amend, "Partners did not join: a smaller bite", [amended]);
        var reviews = exercise.Log.Where(e => e.Event is OutcomeReviewed).ToList();
        Assert.All(reviews, e => Assert.Equal(AudienceKind.Control, e.Audience.Kind));

        exercise.Accept(s => AdjudicationReviewRules.Release(s, Control, new ReleaseResults(1)));

        Assert.False(exercise.State.AwaitingRelease);
        var deliveries = exercise.State.Outbox.OfType<NationChangeDelivery>().ToList();
        Assert.Equal([.. statement.Effects.Select(e => e.Delta.Nation), "RUS"], deliveries.Select(d => d.Delta.Nation));
        Assert.Equal(-2, deliveries[^1].Delta.Indices[NationIndex.Economy]);
        Assert.DoesNotContain(deliveries, d => d.Summary.Contains("bite", StringComparison.Ordinal));
        var reports = exercise.Log.Where(e => e.Event is OutcomeReported).ToList();
        Assert.Equal([Audience.ToNation("EST"), Audience.ToNation("NOR")], reports.Select(r => r.Audience));
        Assert.Contains("amended", ((OutcomeReported)reports[1].Event).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(exercise.Log.Where(e => e.Audience.Kind != AudienceKind.Control), e => e.Event.ToString()!.Contains("bite", StringComparison.Ordinal));
        Assert.Equal([amended], exercise.State.Outcomes["t1-NOR-1"].Effects.Select(e => e.Delta));
        Assert.Equal(new ResultsReleased(1, 1, 1, 0), exercise.Events<ResultsReleased>().Single());

        exercise.Accept(s => ExerciseRules.EnterResults(s, exercise.Now));
        Assert.Equal(TurnPhase.Results, exercise.State.Phase);
    }

    [Fact]
    public void A_voided_outcome_applies_nothing_and_its_team_is_told_it_had_no_effect()
    {
        var exercise = Held();
        Review(exercise, "t1-EST-1", OutcomeVerdict.Void, "Statement never cleared by the head of delegation");
        Review(exercise, "t1-NOR-1", OutcomeVerdict.Void, "Sanctions were not authorised");
        exercise.Accept(s => AdjudicationReviewRules.Release(s, Control, new ReleaseResults()));

        Assert.Empty(exercise.State.Outbox.OfType<NationChangeDelivery>());
        Assert.Empty(exercise.Events<NewsPublished>());
        Assert.All(exercise.Events<OutcomeReported>(), r =>
        {
            Assert.False(r.Success);
            Assert.Contains("no effect", r.Summary, StringComparison.Ordinal);
        });
        Assert.All(exercise.State.Outcomes.Values, o => Assert.Empty(o.Effects));
    }

    /// <summary>Verdicts for a turn's outcomes: FsCheck's integers, one per outcome (0 approve, 1 amend, 2 void).</summary>
    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 60)]
    public void Released_effects_are_exactly_those_of_approved_and_amended_outcomes_and_nothing_goes_out_before(TurnOrders turn, Seed seed, int[] choices)
    {
        var scenario = TestScenarios.Small();
        var exercise = Harness.Exercise();
        exercise.Accept(s => ExerciseRules.Create(s, Control, new CreateExercise("Exercise", scenario with { Clock = scenario.Clock with { ReviewAdjudications = true } }, seed.Value)));
        exercise.Accept(s => ExerciseRules.Start(s, Control, exercise.Now));
        exercise.Accept(s => s.Outbox.IsEmpty ? Decision.Accept() : Decision.Accept(new PendingEvent(new DeliveriesCompleted([.. s.Outbox.Select(d => d.DeliveryId)]), Audience.Control)));
        Held(exercise, turn.Orders);
        var queue = exercise.State.Queue;
        if (queue is null)
        {
            Assert.All(turn.Orders, o => Assert.Empty(o.Orders)); // only a turn without orders is not held
            return;
        }

        exercise.Accept(s => s.Outbox.IsEmpty ? Decision.Accept() : Decision.Accept(new PendingEvent(new DeliveriesCompleted([.. s.Outbox.Select(d => d.DeliveryId)]), Audience.Control)));
        var expected = new List<string>();
        for (var i = 0; i < queue.OutcomeIds.Length; i++)
        {
            var id = queue.OutcomeIds[i];
            var choice = choices.Length == 0 ? 0 : Math.Abs(choices[i % choices.Length] % 3);
            var actor = exercise.State.Outcomes[id].Actor;
            var amended = NationDelta.None(actor).AddIndex(NationIndex.Economy, 1 + (i % 9));
            var verdict = choice switch
            {
                0 => Review(exercise, id, OutcomeVerdict.Approve),
                1 => Review(exercise, id, OutcomeVerdict.Amend, "Amended", [amended]),
                _ => Review(exercise, id, OutcomeVerdict.Void, "Voided"),
            };
            Assert.True(verdict.IsAccepted, $"{id}: {verdict.Rejection}");
            expected.AddRange(choice switch
            {
                0 => exercise.State.Outcomes[id].Effects.Select(e => Describe(e.Delta)),
                1 => [Describe(amended)],
                _ => [],
            });
            Assert.Empty(exercise.State.Outbox.OfType<NationChangeDelivery>());
            Assert.Empty(exercise.Events<OutcomeReported>());
        }

        exercise.Accept(s => AdjudicationReviewRules.Release(s, Control, new ReleaseResults()));

        Assert.Equal(expected, exercise.State.Outbox.OfType<NationChangeDelivery>().Select(d => Describe(d.Delta)));
        Assert.Equal(queue.OutcomeIds.Length, exercise.Events<OutcomeReported>().Count());
    }

    private static string Describe(NationDelta d) =>
        $"{d.Nation} {string.Join(",", d.Indices)} {string.Join(",", d.Relations.Values)} {d.Posture} " +
        $"+{string.Join(",", d.SanctionsImposed ?? [])} -{string.Join(",", d.SanctionsLifted ?? [])}";
}
