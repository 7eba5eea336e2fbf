using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>
/// A team convening talks spends its nation's action points (<see cref="NegotiationConvening.ActionPointCost"/>);
/// exercise control does not. Through the real exercise and nation grains (small-test: 3 points a turn).
/// </summary>
public sealed class ConveningCostTests : EngineTest
{
    private static ConveneNegotiation Talks(string id, string @as = "ARD") => new(new TalksDefinition(id, "Harbour Talks", ["ARD", "BOR"], "DUN"), @as);

    private async Task InOrdersPhase()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
    }

    private async Task<int> PointsLeft(string nation) => (await Driver.Nation(nation).GetState()).ActionPoints;

    private async Task<bool> Convened(string id) => (await Driver.Exercise.GetState()).NegotiationIds.Contains(id);

    [Fact]
    public async Task A_team_pays_action_points_to_convene_talks()
    {
        await InOrdersPhase();
        var before = await PointsLeft("ARD");

        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("ARD")), Talks("harbour")));

        Assert.Equal(before - NegotiationConvening.ActionPointCost, await PointsLeft("ARD"));
        Assert.Equal(before, await PointsLeft("BOR")); // the other party pays nothing
        Assert.True(await Convened("harbour"));
        Assert.Contains(await Driver.Log(), e => e.Event is ActionPointsSpent { Points: NegotiationConvening.ActionPointCost } && e.Stream == StreamNames.Nation("ARD"));
    }

    [Fact]
    public async Task Convening_without_enough_action_points_is_refused_and_changes_nothing()
    {
        await InOrdersPhase();
        EngineDriver.Accepted(await Driver.Order("ARD", new Mobilise()));
        while (await PointsLeft("ARD") > 0)
        {
            EngineDriver.Accepted(await Driver.Order("ARD", new PublicStatement(StatementTone.Firm, "We stand firm.")));
        }

        Assert.Equal(0, await PointsLeft("ARD"));
        var logged = (await Driver.Log()).Count;

        var refused = await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("ARD")), Talks("harbour"));

        Assert.Equal((NationRules.InsufficientActionPoints, "actionPoints", "at most 0"), (refused.Rejection?.Code, refused.Rejection?.Field, refused.Rejection?.Allowed));
        Assert.Equal("Convening talks costs 1 action point; ARD has 0 left this turn.", refused.Rejection?.Message);
        Assert.False(await Convened("harbour"));
        Assert.Equal(logged, (await Driver.Log()).Count);
    }

    [Fact]
    public async Task Convening_as_a_team_outside_the_orders_phase_is_refused_and_changes_nothing()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control())); // planning: the turn's points are not open yet
        var logged = (await Driver.Log()).Count;

        var refused = await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("ARD")), Talks("harbour"));

        Assert.Equal((RejectionCodes.InvalidState, "the orders phase of a turn"), (refused.Rejection?.Code, refused.Rejection?.Allowed));
        Assert.StartsWith("Convening talks costs 1 action point, spent in the orders phase.", refused.Rejection?.Message, StringComparison.Ordinal);
        Assert.False(await Convened("harbour"));
        Assert.Equal(logged, (await Driver.Log()).Count);
    }

    [Fact]
    public async Task A_refused_convening_spends_nothing()
    {
        await InOrdersPhase();
        var before = await PointsLeft("BOR");

        var refused = await Driver.Exercise.ConveneNegotiation(
            Driver.Command(Participant.Team("BOR")), new ConveneNegotiation(new TalksDefinition("x", "Talks", ["ARD", "CAL"]), "BOR"));

        Assert.Equal(NegotiationRejectionCodes.NotAParty, refused.Rejection?.Code);
        Assert.Equal(before, await PointsLeft("BOR"));
    }

    [Fact]
    public async Task Exercise_control_convenes_without_paying()
    {
        await InOrdersPhase();
        var before = (await PointsLeft("ARD"), await PointsLeft("DUN"));

        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Control(), Talks("harbour", "DUN"))); // as the mediator
        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Control(), Talks("quay"))); // as a party

        Assert.Equal(before, (await PointsLeft("ARD"), await PointsLeft("DUN")));
        Assert.True(await Convened("harbour") && await Convened("quay"));
        Assert.DoesNotContain(await Driver.Log(), e => e.Event is ActionPointsSpent);
    }

    [Fact]
    public async Task Exercise_control_convenes_outside_the_orders_phase()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Control(), Talks("harbour", "DUN")));
        Assert.True(await Convened("harbour"));
    }

    [Fact]
    public async Task A_retried_convening_spends_once()
    {
        await InOrdersPhase();
        var before = await PointsLeft("ARD");
        var command = Driver.Command(Participant.Team("ARD"));

        // The exercise crashed after the nation spent the points and before it recorded the convening.
        EngineDriver.Accepted(await Driver.Nation("ARD").SpendActionPoints(command.Step(NegotiationConvening.PaymentStep), NegotiationConvening.Payment));
        Assert.False(await Convened("harbour"));

        var retried = await Driver.Exercise.ConveneNegotiation(command, Talks("harbour"));
        var again = await Driver.Exercise.ConveneNegotiation(command, Talks("harbour"));

        EngineDriver.Accepted(retried);
        Assert.True(again.Accepted && again.Duplicate);
        Assert.Equal(before - NegotiationConvening.ActionPointCost, await PointsLeft("ARD"));
        Assert.Single(await Driver.Log(), e => e.Event is NegotiationRegistered { Definition.Id: "harbour" });
        Assert.Single(await Driver.Log(), e => e.Event is ActionPointsSpent);
    }
}
