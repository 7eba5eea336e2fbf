using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Rules;

public class NationRulesTests
{
    private static readonly Participant Control = Participant.Facilitator;

    private static RuleHarness<NationState> OpenNation(string code = "NOR", int turn = 1)
    {
        var scenario = TestScenarios.Small();
        var nation = Harness.Nation(code);
        nation.Accept(s => NationRules.Initialize(s, Control, new InitializeNation(scenario.FindNation(code)!, [.. scenario.Nations.Select(n => n.Code)], 4)));
        nation.Accept(s => NationRules.OpenOrders(s, Control, new OpenOrders(turn)));
        return nation;
    }

    [Fact]
    public void Initialization_gives_a_relation_to_every_other_nation_using_scenario_values_or_defaults()
    {
        var nation = OpenNation("NOR");
        Assert.Equal(["EST", "RUS", "SWE"], nation.State.Relations.Keys);
        Assert.Equal(new Relation(20, 60), nation.State.Relations["RUS"]);
        Assert.Equal(new Relation(50, 20), nation.State.Relations["SWE"]);
        Assert.Equal(4, nation.State.ActionPoints);
    }

    [Fact]
    public void A_team_gives_orders_for_its_own_nation_and_spends_action_points()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new ImposeSanctions("RUS"))));
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o2", new ShareIntelligence("EST"))));

        Assert.Equal(1, nation.State.ActionPoints);
        Assert.Equal(["o1", "o2"], nation.State.Orders.Select(o => o.OrderId));
        Assert.All(nation.Log, e => Assert.Equal(Audience.ToNation("NOR"), e.Audience));
    }

    [Fact]
    public void A_team_cannot_give_orders_for_another_nation_and_nothing_changes()
    {
        var nation = OpenNation("NOR");
        var rejection = DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("EST"), new SubmitOrder("o1", new Mobilise()))),
            RejectionCodes.Forbidden);
        Assert.Contains("team EST", rejection.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(nation.State.Orders);
        Assert.Equal(4, nation.State.ActionPoints);
    }

    [Fact]
    public void Observers_cannot_give_orders_but_exercise_control_can_play_any_nation()
    {
        var nation = OpenNation("RUS");
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Observer, new SubmitOrder("o1", new Mobilise()))), RejectionCodes.Forbidden);
        nation.Accept(s => NationRules.Submit(s, Control, new SubmitOrder("o1", new Mobilise())));
    }

    [Fact]
    public void Orders_are_refused_outside_the_orders_phase()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Close(s, Control, 1));
        var rejection = DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("late", new Mobilise()))),
            RejectionCodes.InvalidState);
        Assert.Contains("closed", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_costing_more_than_what_is_left_is_refused_with_the_numbers()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new Mobilise())));
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o2", new PublicStatement(StatementTone.Firm, "We stand firm."))));
        var rejection = DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o3", new CyberOperation("RUS")))),
            "insufficient-action-points");
        Assert.Contains("costs 2", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("1 left", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(1, nation.State.ActionPoints);
    }

    [Theory]
    [InlineData("NOR", RejectionCodes.InvalidArgument)]
    [InlineData("XXX", RejectionCodes.NotFound)]
    public void Targets_must_be_another_known_nation(string target, string code)
    {
        var nation = OpenNation("NOR");
        var rejection = DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new ImposeSanctions(target)))), code);
        Assert.Equal("EST, RUS, SWE", rejection.Allowed);
    }

    [Fact]
    public void Posture_orders_must_make_sense_from_the_current_posture()
    {
        var nation = OpenNation();
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new StandDown()))), RejectionCodes.InvalidState);
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new Mobilise())));
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o2", new Mobilise()))), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Deployments_need_a_nation_unless_forces_go_home_and_only_one_per_turn()
    {
        var nation = OpenNation();
        var noNation = DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("d1", new DeployForces(DeploymentArea.Border)))),
            RejectionCodes.InvalidArgument);
        Assert.Equal("action.nation", noNation.Field);
        DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("d1", new DeployForces(DeploymentArea.Home, "EST")))),
            RejectionCodes.InvalidArgument);
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("d1", new DeployForces(DeploymentArea.Ally, "EST"))));
        DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("d2", new DeployForces(DeploymentArea.Home)))),
            RejectionCodes.InvalidState);
    }

    [Fact]
    public void Sanctions_cannot_be_imposed_twice_or_lifted_when_none_exist()
    {
        var nation = OpenNation();
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("l1", new LiftSanctions("RUS")))), RejectionCodes.InvalidState);
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("s1", new ImposeSanctions("RUS"))));
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("s2", new ImposeSanctions("RUS")))), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Hold_excludes_every_other_order()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("h", new Hold())));
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o", new Mobilise()))), RejectionCodes.InvalidState);
        nation.Accept(s => NationRules.Withdraw(s, Participant.Team("NOR"), new WithdrawOrder("h")));
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o", new Mobilise())));
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("h", new Hold()))), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Order_ids_are_unique_per_turn_and_statements_need_text()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new ShareIntelligence("EST"))));
        DecisionAssert.Rejected(nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new HumanitarianAid("EST")))), RejectionCodes.InvalidArgument);
        var empty = DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o2", new PublicStatement(StatementTone.Hostile, "  ")))),
            RejectionCodes.InvalidArgument);
        Assert.Equal("action.text", empty.Field);
    }

    [Fact]
    public void Withdrawing_an_order_gives_its_points_back_and_unknown_orders_are_named()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new Mobilise())));
        nation.Accept(s => NationRules.Withdraw(s, Participant.Team("NOR"), new WithdrawOrder("o1")));
        Assert.Equal(4, nation.State.ActionPoints);
        var missing = DecisionAssert.Rejected(nation.Do(s => NationRules.Withdraw(s, Participant.Team("NOR"), new WithdrawOrder("o9"))), RejectionCodes.NotFound);
        Assert.Equal("orderId", missing.Field);
    }

    [Fact]
    public void Closing_orders_is_idempotent_and_a_new_turn_refreshes_points()
    {
        var nation = OpenNation();
        nation.Accept(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new Mobilise())));
        Assert.Single(nation.Accept(s => NationRules.Close(s, Control, 1)).Events);
        Assert.Empty(nation.Accept(s => NationRules.Close(s, Control, 1)).Events);
        nation.Accept(s => NationRules.OpenOrders(s, Control, new OpenOrders(2)));
        Assert.Equal(4, nation.State.ActionPoints);
        Assert.Empty(nation.State.Orders);
        Assert.Empty(nation.Accept(s => NationRules.OpenOrders(s, Control, new OpenOrders(2))).Events);
    }

    [Fact]
    public void A_change_is_applied_once_per_cause_and_clamped_to_the_index_range()
    {
        var nation = OpenNation();
        var delta = NationDelta.None("NOR").AddIndex(NationIndex.Economy, 70).AddRelation("RUS", -50, 80);
        nation.Accept(s => NationRules.ApplyChange(s, Control, new ApplyNationChange("c1", "boom", delta)));
        Assert.Empty(nation.Accept(s => NationRules.ApplyChange(s, Control, new ApplyNationChange("c1", "boom", delta))).Events);

        Assert.Equal(100, nation.State.Indices.Economy);
        Assert.Equal(new Relation(0, 100), nation.State.Relations["RUS"]);
        DecisionAssert.Rejected(nation.Do(s => NationRules.ApplyChange(s, Participant.Team("NOR"), new ApplyNationChange("c2", "x", delta))), RejectionCodes.Forbidden);
    }

    [Fact]
    public void A_change_of_posture_or_sanctions_is_public_while_the_change_inside_stays_private()
    {
        var nation = OpenNation();
        var inner = nation.Accept(s => NationRules.ApplyChange(s, Control, new ApplyNationChange("c1", "aid", NationDelta.None("NOR").AddIndex(NationIndex.Economy, 5))));
        Assert.Equal(Audience.ToNation("NOR"), Assert.Single(inner.Events).Audience);

        var visible = NationDelta.None("NOR").AddIndex(NationIndex.Readiness, 15) with
        {
            Posture = new PostureChange(Mobilised: true),
            SanctionsImposed = ["RUS"],
        };
        var decision = nation.Accept(s => NationRules.ApplyChange(s, Control, new ApplyNationChange("c2", "mobilised", visible)));

        var posture = decision.Events.Single(e => e.Event is NationPostureChanged);
        Assert.Equal(AudienceKind.Public, posture.Audience.Kind);
        var change = (NationPostureChanged)posture.Event;
        Assert.True(change.Posture.Mobilised);
        Assert.Equal(["RUS"], change.Sanctioning.ToArray());
        Assert.DoesNotContain("readiness", System.Text.Json.JsonSerializer.Serialize(posture.Event, EventJson.Options), StringComparison.OrdinalIgnoreCase);
    }
}
