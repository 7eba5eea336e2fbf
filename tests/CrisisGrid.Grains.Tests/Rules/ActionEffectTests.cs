using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Rules;

/// <summary>The documented effect of every action (docs/adjudication.md), one test each.</summary>
public class ActionEffectTests
{
    private static Outcome Adjudicate(string actor, NationAction action, long seed = 11, Func<NationState, NationState>? actorState = null)
    {
        var world = Generators.Codes.Select(code =>
        {
            var state = Generators.Initialized(code);
            if (code == actor && actorState is not null)
            {
                state = actorState(state);
            }

            return new ClosedOrders(1, state, code == actor ? [new Order("o1", 1, action, ActionCatalog.Cost(action))] : []);
        });
        return Assert.Single(Adjudicator.Adjudicate(new AdjudicationInput(1, seed, 0, [.. world])).Outcomes);
    }

    private static NationDelta On(Outcome outcome, string nation) =>
        outcome.Effects.SingleOrDefault(e => e.Delta.Nation == nation)?.Delta ?? NationDelta.None(nation);

    /// <summary>The resonance factor the outcome's first roll chose (×0.5, ×1, ×1.5).</summary>
    private static int Scaled(Outcome outcome, int amount)
    {
        var factor = outcome.Rolls[0] < 0.2 ? 0.5 : outcome.Rolls[0] > 0.8 ? 1.5 : 1.0;
        return (int)Math.Round(amount * factor, MidpointRounding.AwayFromZero);
    }

    [Theory]
    [InlineData(StatementTone.Conciliatory)]
    [InlineData(StatementTone.Firm)]
    [InlineData(StatementTone.Hostile)]
    public void A_public_statement_toward_a_nation_moves_its_regard_by_tone_and_is_reported(StatementTone tone)
    {
        var outcome = Adjudicate("NOR", new PublicStatement(tone, "Our position is clear.", "RUS"));
        var regard = On(outcome, "RUS").Relations["NOR"];
        var expected = tone switch
        {
            StatementTone.Conciliatory => new RelationChange("NOR", Scaled(outcome, 3), -Scaled(outcome, 4)),
            StatementTone.Firm => new RelationChange("NOR", 0, Scaled(outcome, 3)),
            _ => new RelationChange("NOR", -Scaled(outcome, 5), Scaled(outcome, 8)),
        };
        Assert.Equal(expected, regard);
        Assert.Equal("Our position is clear.", outcome.Report!.Body);
    }

    [Fact]
    public void Standing_down_lowers_readiness_and_eases_every_other_nations_tension()
    {
        var outcome = Adjudicate("NOR", new StandDown(), actorState: s => s with { Posture = s.Posture with { Mobilised = true } });
        Assert.Equal(-10, On(outcome, "NOR").Indices[NationIndex.Readiness]);
        Assert.False(On(outcome, "NOR").Posture!.Mobilised);
        Assert.All(["EST", "RUS", "SWE"], code => Assert.Equal(-4, On(outcome, code).Relations["NOR"].Tension));
    }

    [Fact]
    public void Deploying_to_the_border_alarms_the_nation_faced()
    {
        var outcome = Adjudicate("NOR", new DeployForces(DeploymentArea.Border, "RUS"));
        Assert.Equal(new PostureChange(Area: DeploymentArea.Border, Facing: "RUS"), On(outcome, "NOR").Posture);
        Assert.Equal(new RelationChange("NOR", -Scaled(outcome, 5), Scaled(outcome, 10)), On(outcome, "RUS").Relations["NOR"]);
    }

    [Fact]
    public void Deploying_to_an_ally_raises_the_hosts_trust()
    {
        var outcome = Adjudicate("NOR", new DeployForces(DeploymentArea.Ally, "EST"));
        Assert.Equal(new PostureChange(Area: DeploymentArea.Ally, Facing: "EST"), On(outcome, "NOR").Posture);
        Assert.Equal(Scaled(outcome, 6), On(outcome, "EST").Relations["NOR"].Trust);
    }

    [Fact]
    public void Bringing_forces_home_eases_tension()
    {
        var outcome = Adjudicate("NOR", new DeployForces(DeploymentArea.Home));
        Assert.Equal(DeploymentArea.Home, On(outcome, "NOR").Posture!.Area);
        Assert.All(["EST", "RUS", "SWE"], code => Assert.Equal(-3, On(outcome, code).Relations["NOR"].Tension));
    }

    [Fact]
    public void An_announced_joint_exercise_builds_confidence()
    {
        var outcome = Adjudicate("NOR", new JointExercise("EST", Announced: true));
        Assert.Equal(5, On(outcome, "NOR").Indices[NationIndex.Readiness]);
        Assert.Equal(1, On(outcome, "NOR").Indices[NationIndex.InternationalStanding]);
        Assert.Equal(3, On(outcome, "EST").Indices[NationIndex.Readiness]);
        Assert.NotNull(outcome.Report);
    }

    [Fact]
    public void An_unannounced_joint_exercise_provokes_when_it_is_detected_and_not_otherwise()
    {
        var detected = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var outcome = Adjudicate("NOR", new JointExercise("EST", Announced: false), seed);
            var wasDetected = outcome.Rolls[1] < 0.7;
            Assert.Equal(wasDetected, outcome.Report is not null);
            Assert.Equal(wasDetected ? -2 : 0, On(outcome, "NOR").Indices.GetValueOrDefault(NationIndex.InternationalStanding));
            Assert.Equal(wasDetected, On(outcome, "RUS").Relations.ContainsKey("NOR"));
            detected += wasDetected ? 1 : 0;
        }

        Assert.InRange(detected, 1, 39); // both branches were exercised
    }

    [Fact]
    public void Lifting_sanctions_helps_the_targets_economy_and_trust()
    {
        var outcome = Adjudicate("NOR", new LiftSanctions("RUS"), actorState: s => s with { Sanctioning = s.Sanctioning.Add("RUS") });
        Assert.Equal(3, On(outcome, "RUS").Indices[NationIndex.Economy]);
        Assert.Equal(new RelationChange("NOR", 6, -5), On(outcome, "RUS").Relations["NOR"]);
        Assert.Contains("RUS", On(outcome, "NOR").SanctionsLifted!);
    }

    [Fact]
    public void Humanitarian_aid_costs_the_giver_and_steadies_the_recipient()
    {
        var outcome = Adjudicate("NOR", new HumanitarianAid("EST"));
        Assert.Equal(-2, On(outcome, "NOR").Indices[NationIndex.Economy]);
        Assert.Equal(Scaled(outcome, 4), On(outcome, "EST").Indices[NationIndex.DomesticStability]);
        Assert.Equal(6, On(outcome, "EST").Relations["NOR"].Trust);
    }

    [Fact]
    public void Sharing_intelligence_is_private_and_builds_trust()
    {
        var outcome = Adjudicate("NOR", new ShareIntelligence("EST"));
        Assert.Equal(5, On(outcome, "EST").Relations["NOR"].Trust);
        Assert.Equal(2, On(outcome, "EST").Indices[NationIndex.Readiness]);
        Assert.Null(outcome.Report);
        Assert.Empty(outcome.Rolls);
    }

    [Fact]
    public void An_alliance_joint_deployment_puts_forces_on_the_hosts_territory()
    {
        var outcome = Adjudicate("NOR", new JointDeployment("NAT", "EST"));
        Assert.Equal(new PostureChange(Area: DeploymentArea.Ally, Facing: "EST"), On(outcome, "NOR").Posture);
        Assert.Equal(Scaled(outcome, 8), On(outcome, "EST").Relations["NOR"].Trust);
        Assert.Contains("NAT", outcome.Report!.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alliance_collective_statement_is_published_with_its_text()
    {
        var outcome = Adjudicate("NOR", new CollectiveStatement("NAT", "We stand together."));
        Assert.Equal("We stand together.", outcome.Report!.Body);
        Assert.Equal(Scaled(outcome, 3), On(outcome, "NOR").Indices[NationIndex.InternationalStanding]);
    }
}
