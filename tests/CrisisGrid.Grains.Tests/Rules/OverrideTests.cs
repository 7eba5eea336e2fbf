using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Rules;

public class OverrideTests
{
    private static readonly Participant Control = Participant.Facilitator;

    private static RuleHarness<ExerciseState> WithSanctionsOutcome()
    {
        var exercise = ExerciseLifecycleTests.Running();
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        var nor = Generators.Initialized("NOR");
        var closed = new ClosedOrders(1, nor, [new Order("o1", 1, new ImposeSanctions("RUS"), 2)]);
        var result = Adjudicator.Adjudicate(new AdjudicationInput(1, exercise.State.Seed, exercise.State.Draws, [closed]));
        exercise.Accept(s => ExerciseRules.RecordAdjudication(s, [closed], result, exercise.Now));
        exercise.Accept(s => s.Outbox.IsEmpty ? Decision.Accept() : Decision.Accept(
            new Events.PendingEvent(new DeliveriesCompleted([.. s.Outbox.Select(d => d.DeliveryId)]), Events.Audience.Control)));
        return exercise;
    }

    [Fact]
    public void Adjudication_records_the_outcome_for_control_and_reports_to_the_actor_and_the_public()
    {
        var exercise = WithSanctionsOutcome();
        var outcome = Assert.Single(exercise.State.Outcomes.Values);
        Assert.Equal("t1-NOR-1", outcome.OutcomeId);
        Assert.Equal(Events.AudienceKind.Control, exercise.Log.Single(e => e.Event is ActionAdjudicated).Audience.Kind);
        Assert.Equal(Events.Audience.ToNation("NOR"), exercise.Log.Single(e => e.Event is OutcomeReported).Audience);
        Assert.Contains(exercise.Log, e => e.Event is News.NewsPublished && e.Audience.Kind == Events.AudienceKind.Public);
        Assert.Equal(1, exercise.State.AdjudicatedTurn);
    }

    [Fact]
    public void An_override_delivers_the_difference_between_the_replacement_and_the_original()
    {
        var exercise = WithSanctionsOutcome();
        var original = exercise.State.Outcomes["t1-NOR-1"];
        var originalBite = original.Effects.Single(e => e.Delta.Nation == "RUS").Delta.Indices[NationIndex.Economy];
        var replacement = NationDelta.None("RUS").AddIndex(NationIndex.Economy, -15);

        exercise.Accept(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t1-NOR-1", [replacement], "Sanctions coordinated with partners")));

        var toRussia = exercise.State.Outbox.OfType<NationChangeDelivery>().Single(d => d.Delta.Nation == "RUS");
        Assert.Equal(-15 - originalBite, toRussia.Delta.Indices[NationIndex.Economy]);
        Assert.Equal(-new RelationChange("NOR", -8, 10).Tension, toRussia.Delta.Relations["NOR"].Tension);
        var toNorway = exercise.State.Outbox.OfType<NationChangeDelivery>().Single(d => d.Delta.Nation == "NOR");
        Assert.Equal(2, toNorway.Delta.Indices[NationIndex.Economy]);
        Assert.Contains("coordinated", toRussia.Summary, StringComparison.Ordinal);
        Assert.Equal([replacement], exercise.State.Outcomes["t1-NOR-1"].Effects.Select(e => e.Delta));
    }

    [Fact]
    public void An_override_needs_a_known_outcome_a_reason_and_exercise_control()
    {
        var exercise = WithSanctionsOutcome();
        var none = NationDelta.None("RUS");
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t9-X-1", [none], "why"))), RejectionCodes.NotFound);
        var noReason = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t1-NOR-1", [none], ""))), RejectionCodes.InvalidArgument);
        Assert.Equal("reason", noReason.Field);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Override(s, Participant.Team("NOR"), new OverrideOutcome("t1-NOR-1", [none], "why"))), RejectionCodes.Forbidden);
        var badNation = DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t1-NOR-1", [NationDelta.None("XXX")], "why"))),
            RejectionCodes.NotFound);
        Assert.Equal("effects[0].nation", badNation.Field);
    }

    [Fact]
    public void Exercise_control_adjusts_a_nation_directly_with_a_stated_reason()
    {
        var exercise = WithSanctionsOutcome();
        exercise.Accept(s => ExerciseRules.Adjust(s, Control, new AdjustNation(NationDelta.None("EST").AddIndex(NationIndex.DomesticStability, -10), "Riots in the capital")));
        var delivery = Assert.Single(exercise.State.Outbox.OfType<NationChangeDelivery>());
        Assert.Equal(-10, delivery.Delta.Indices[NationIndex.DomesticStability]);
        Assert.Contains("Riots", delivery.Summary, StringComparison.Ordinal);
        DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.Adjust(s, Control, new AdjustNation(NationDelta.None("EST").AddIndex(NationIndex.Economy, 150), "x"))),
            RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void Adjusting_a_nation_needs_a_stated_reason_and_a_refusal_changes_nothing()
    {
        var exercise = WithSanctionsOutcome();
        var logged = exercise.Log.Count;
        foreach (var reason in new[] { "", "   ", new string('x', ExerciseRules.MaxReasonLength + 1) })
        {
            var refused = DecisionAssert.Rejected(
                exercise.Do(s => ExerciseRules.Adjust(s, Control, new AdjustNation(NationDelta.None("EST").AddIndex(NationIndex.Economy, -5), reason))),
                RejectionCodes.InvalidArgument);
            Assert.Equal("reason", refused.Field);
        }

        Assert.Equal(logged, exercise.Log.Count);
        Assert.Empty(exercise.State.Outbox.OfType<NationChangeDelivery>());
    }
}
