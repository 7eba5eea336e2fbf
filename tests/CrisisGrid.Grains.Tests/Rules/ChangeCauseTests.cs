using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using FsCheck.Xunit;
using static CrisisGrid.Testing.TestScenarios;
using Outcome = CrisisGrid.Grains.Adjudication.Outcome;

namespace CrisisGrid.Grains.Tests.Rules;

/// <summary>
/// Every change to a nation says what caused it, in the team's words, and names another nation's act only to a team
/// that may know who acted (docs/adjudication.md, "Causes").
/// </summary>
public class ChangeCauseTests
{
    private static readonly Participant Control = Participant.Facilitator;

    private static ImmutableArray<ClosedOrders> World(string actor, NationAction action) =>
        [.. Generators.Codes.Select(code => new ClosedOrders(
            1,
            Generators.Initialized(code),
            code == actor ? [new Order("o1", 1, action, ActionCatalog.Cost(action))] : []))];

    private static Outcome Adjudicate(string actor, NationAction action, long seed = 7) =>
        Assert.Single(Adjudicator.Adjudicate(new AdjudicationInput(1, seed, 0, World(actor, action))).Outcomes);

    private static string? Because(Outcome outcome, string nation) => outcome.Effects.Single(e => e.Delta.Nation == nation).Because;

    [Fact]
    public void A_public_act_is_told_to_the_actor_as_its_own_and_to_every_other_team_by_the_actors_name()
    {
        var outcome = Adjudicate("EST", new Mobilise());
        Assert.Equal("after your mobilisation", Because(outcome, "EST"));
        Assert.Equal("after Estmark's mobilisation", Because(outcome, "NOR"));
        Assert.Equal("after Estmark's mobilisation", Because(outcome, "RUS"));
    }

    [Theory]
    [InlineData(StatementTone.Hostile, "hostile")]
    [InlineData(StatementTone.Conciliatory, "conciliatory")]
    [InlineData(StatementTone.Firm, "firm")]
    public void The_nation_an_act_is_aimed_at_reads_it_as_aimed_at_itself(StatementTone tone, string words)
    {
        var outcome = Adjudicate("NOR", new PublicStatement(tone, "Our position is clear.", "RUS"));
        Assert.Equal($"after Norland's {words} statement toward you", Because(outcome, "RUS"));
        Assert.Equal($"after your {words} statement toward Ruthenia", Because(outcome, "NOR"));
    }

    [Fact]
    public void A_deployment_to_a_border_is_read_by_the_nation_faced_as_a_deployment_to_its_border()
    {
        var outcome = Adjudicate("RUS", new DeployForces(DeploymentArea.Border, "EST"));
        Assert.Equal("after Ruthenia's deployment of forces to your border", Because(outcome, "EST"));
        Assert.Equal("after your deployment of forces to the border with Estmark", Because(outcome, "RUS"));
    }

    [Fact]
    public void Intelligence_shared_in_private_is_told_to_its_recipient_by_the_sharers_name()
    {
        var outcome = Adjudicate("NOR", new ShareIntelligence("EST"));
        Assert.Null(outcome.Report);
        Assert.Equal("after Norland's sharing of intelligence with you", Because(outcome, "EST"));
    }

    [Fact]
    public void An_unattributed_cyber_operation_never_names_its_actor_to_its_victim_and_an_attributed_one_does()
    {
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var outcome = Adjudicate("RUS", new CyberOperation("EST"), seed);
            var onVictim = outcome.Effects.SingleOrDefault(e => e.Delta.Nation == "EST");
            if (onVictim is null)
            {
                continue; // failed and unseen: the victim's team learns nothing and nothing changes
            }

            var attributed = outcome.Report?.Headline.Contains("Ruthenia", StringComparison.Ordinal) == true;
            Assert.Equal(
                attributed ? "after Ruthenia's cyber operation against you" : "after an unattributed cyber operation against you",
                onVictim.Because);
            seen.Add(attributed ? "attributed" : "unattributed");
        }

        Assert.Equal(["attributed", "unattributed"], seen.Order());
    }

    /// <summary>
    /// Whatever is ordered, a cause names the actor to another nation only if that nation learns who acted anyway:
    /// from the public report or from what it is told of the outcome.
    /// </summary>
    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_a_cause_names_another_nations_act_only_to_a_team_that_learns_who_acted(TurnOrders world, Seed seed)
    {
        var names = world.Orders.ToDictionary(o => o.Nation.Code, o => o.Nation.Name);
        return Adjudicator.Adjudicate(new AdjudicationInput(1, seed.Value, 0, world.Orders)).Outcomes.All(outcome =>
            outcome.Effects.All(effect =>
            {
                var because = effect.Because ?? "";
                if (!because.StartsWith("after ", StringComparison.Ordinal))
                {
                    return false;
                }

                var actor = names[outcome.Actor];
                var namesActor = because.StartsWith($"after {actor}'s ", StringComparison.Ordinal);
                var learnsWhoActed = outcome.Report?.Headline.Contains(actor, StringComparison.Ordinal) == true
                    || effect.Summary.Contains(actor, StringComparison.Ordinal);
                return effect.Delta.Nation == outcome.Actor || !namesActor || learnsWhoActed;
            }));
    }

    [Fact]
    public void A_scenario_event_a_news_item_and_an_adjustment_each_say_what_caused_the_change()
    {
        var exercise = ExerciseLifecycleTests.Running();
        exercise.Accept(s => ExerciseRules.AdHoc(s, Control, new InjectAdHoc(Inject("grid", InjectSchedule.Manual, effects: [Effect("NOR", NationIndex.DomesticStability, -5)]))));
        Assert.Equal("after the scenario event “Inject grid”", LastDeliveryTo(exercise, "NOR").Because);

        exercise.Accept(s => ExerciseRules.Publish(s, Control, new PublishNews("Port fire", "Smoke over the harbour.", ImmutableDictionary<string, int>.Empty.Add("EST", -2))));
        Assert.Equal("after the news “Port fire”", LastDeliveryTo(exercise, "EST").Because);

        exercise.Accept(s => ExerciseRules.Adjust(s, Control, new AdjustNation(NationDelta.None("NOR").AddIndex(NationIndex.PublicSupport, -3), "Strike at the port")));
        Assert.Equal("after exercise control's adjustment: Strike at the port", LastDeliveryTo(exercise, "NOR").Because);
    }

    [Fact]
    public void A_revised_result_keeps_the_original_cause_and_adds_control_reason_without_the_outcomes_id()
    {
        var exercise = ExerciseLifecycleTests.Running();
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        var closed = new ClosedOrders(1, Generators.Initialized("NOR"), [new Order("o1", 1, new ImposeSanctions("RUS"), 2)]);
        var result = Adjudicator.Adjudicate(new AdjudicationInput(1, exercise.State.Seed, exercise.State.Draws, [closed]));
        exercise.Accept(s => ExerciseRules.RecordAdjudication(s, [closed], result, exercise.Now));

        exercise.Accept(s => ExerciseRules.Override(s, Control, new OverrideOutcome("t1-NOR-1", [NationDelta.None("RUS").AddIndex(NationIndex.Economy, -15)], "Coordinated with partners")));

        var toRuthenia = LastDeliveryTo(exercise, "RUS");
        Assert.Equal("after Norland's sanctions on you, as revised by exercise control: Coordinated with partners", toRuthenia.Because);
        Assert.DoesNotContain("t1-NOR-1", toRuthenia.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nation_records_the_cause_it_was_given_with_the_change()
    {
        var nation = new RuleHarness<NationState>(Generators.Initialized("NOR"), StreamNames.Nation("NOR"), (s, e) => NationEvolve.Apply(s, e.Event));
        nation.Accept(s => NationRules.ApplyChange(s, Control, new ApplyNationChange(
            "12/NOR", "Exercise control: Strike at the port", NationDelta.None("NOR").AddIndex(NationIndex.PublicSupport, -3), "after exercise control's adjustment: Strike at the port")));
        var changed = Assert.Single(nation.Events<NationChanged>());
        Assert.Equal("after exercise control's adjustment: Strike at the port", changed.Because);
    }

    [Theory]
    [InlineData(NegotiationCause.InForce, "after the agreement of the talks “Harbour talks” entered into force")]
    [InlineData(NegotiationCause.Breach, "after a breach of the agreement of the talks “Harbour talks”")]
    [InlineData(NegotiationCause.BreachUnfounded, "after exercise control ruled a reported breach of the agreement of the talks “Harbour talks” unfounded")]
    [InlineData(NegotiationCause.ConfidenceMeasureKept, "after a confidence-building measure of the talks “Harbour talks” was kept")]
    public void A_change_from_talks_names_the_talks_and_what_happened_in_them(NegotiationCause cause, string words) =>
        Assert.Equal(words, ChangeCauses.Negotiation(cause, "Harbour talks"));

    private static NationChangeDelivery LastDeliveryTo(RuleHarness<ExerciseState> exercise, string nation) =>
        exercise.State.Outbox.OfType<NationChangeDelivery>().Last(d => d.Delta.Nation == nation);
}
