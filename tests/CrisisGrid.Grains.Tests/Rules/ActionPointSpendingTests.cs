using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using FsCheck.Xunit;

namespace CrisisGrid.Grains.Tests.Rules;

/// <summary>
/// <see cref="NationRules.Spend"/>: points of the open turn spent on something that is not an order (convening
/// talks), within the same budget and refused the same way as an order.
/// </summary>
public class ActionPointSpendingTests
{
    private static readonly Participant Control = Participant.Facilitator;
    private static readonly Participant Norway = Participant.Team("NOR");
    private static readonly SpendActionPoints Convening = new(1, "convening talks");

    private static RuleHarness<NationState> Nation(int points = 4, bool open = true)
    {
        var scenario = TestScenarios.Small();
        var nation = Harness.Nation("NOR");
        nation.Accept(s => NationRules.Initialize(s, Control, new InitializeNation(scenario.FindNation("NOR")!, [.. scenario.Nations.Select(n => n.Code)], points)));
        if (open)
        {
            nation.Accept(s => NationRules.OpenOrders(s, Control, new OpenOrders(1)));
        }

        return nation;
    }

    [Fact]
    public void Spending_action_points_takes_them_from_the_turn_budget_without_an_order()
    {
        var nation = Nation();
        nation.Accept(s => NationRules.Spend(s, Norway, Convening));
        Assert.Equal(3, nation.State.ActionPoints);
        Assert.Empty(nation.State.Orders);
        Assert.Equal(new ActionPointsSpent(1, 1, "convening talks"), Assert.Single(nation.Events<ActionPointsSpent>()));
        var audience = nation.Log[^1].Audience; // the budget is the nation's own business
        Assert.Equal(AudienceKind.Nations, audience.Kind);
        Assert.Equal("NOR", Assert.Single(audience.Nations));
    }

    [Fact]
    public void Spending_more_action_points_than_are_left_is_refused_with_the_numbers_and_changes_nothing()
    {
        var nation = Nation(points: 1);
        nation.Accept(s => NationRules.Spend(s, Norway, Convening));
        var before = nation.State;
        var rejection = DecisionAssert.Rejected(nation.Do(s => NationRules.Spend(s, Norway, Convening)), NationRules.InsufficientActionPoints);
        Assert.Equal(("Convening talks costs 1 action point; NOR has 0 left this turn.", "actionPoints", "at most 0"), (rejection.Message, rejection.Field, rejection.Allowed));
        Assert.Same(before, nation.State);
    }

    [Fact]
    public void Spending_action_points_outside_the_orders_phase_is_refused()
    {
        var nation = Nation(open: false);
        var rejection = DecisionAssert.Rejected(nation.Do(s => NationRules.Spend(s, Norway, Convening)), RejectionCodes.InvalidState);
        Assert.StartsWith("Convening talks costs 1 action point, spent in the orders phase. Orders for NOR are closed.", rejection.Message, StringComparison.Ordinal);
        Assert.Equal("the orders phase of a turn", rejection.Allowed);
    }

    [Fact]
    public void Only_the_nations_team_or_exercise_control_spends_its_action_points()
    {
        var nation = Nation();
        DecisionAssert.Rejected(nation.Do(s => NationRules.Spend(s, Participant.Team("SWE"), Convening)), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(nation.Do(s => NationRules.Spend(s, Participant.Observer, Convening)), RejectionCodes.Forbidden);
        Assert.Equal(4, nation.State.ActionPoints);
    }

    [Fact]
    public void Spending_no_action_points_is_refused()
    {
        var nation = Nation();
        var rejection = DecisionAssert.Rejected(nation.Do(s => NationRules.Spend(s, Norway, new SpendActionPoints(0, "convening talks"))), RejectionCodes.InvalidArgument);
        Assert.Equal("points", rejection.Field);
    }

    [Property]
    public bool Property_spending_never_takes_a_nation_below_zero_action_points_and_every_accepted_spend_is_paid_in_full(byte budget, byte[] spends)
    {
        var nation = Nation(points: budget % 10);
        var paid = 0;
        foreach (var points in spends.Select(p => 1 + (p % 4)))
        {
            var before = nation.State.ActionPoints;
            var decision = nation.Do(s => NationRules.Spend(s, Norway, new SpendActionPoints(points, "convening talks")));
            if (decision.IsAccepted)
            {
                paid += points;
            }

            if (decision.IsAccepted != (points <= before))
            {
                return false;
            }
        }

        return nation.State.ActionPoints >= 0 && nation.State.ActionPoints == (budget % 10) - paid;
    }
}
