using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

public class SampleScenarioTests
{
    [Theory]
    [InlineData("small-test.yaml", "small-test")]
    [InlineData("northern-shield.yaml", "northern-shield")]
    public void Sample_loads_without_problems(string file, string id)
    {
        var result = ScenarioLoader.LoadFile(ScenarioFiles.Sample(file));

        Assert.True(result.IsValid, result.Describe());
        Assert.Empty(result.Problems);
        Assert.Equal(id, result.Scenario.Id);
        Assert.Equal(ScenarioDefinition.CurrentFormatVersion, result.Scenario.FormatVersion);
    }

    [Fact]
    public void Small_test_has_the_shape_automated_tests_rely_on()
    {
        var scenario = Load("small-test.yaml");

        Assert.Equal(["ARD", "BOR", "CAL", "DUN"], scenario.Nations.Select(n => n.Code));
        Assert.Equal(2, scenario.Teams.Length);
        var alliance = Assert.Single(scenario.Alliances);
        Assert.Equal(AllianceType.Multilateral, alliance.Type);
        Assert.Equal(PhaseDeadlines.None, scenario.Clock.Deadlines);
        Assert.Equal(6, scenario.Clock.MaxTurns);

        // One inject per kind of schedule: turn, exercise time, condition, manual.
        Assert.Single(scenario.Msel, i => i.Schedule is { Turn: not null, At: null, When: null });
        Assert.Single(scenario.Msel, i => i.Schedule is { Turn: null, At: not null, When: null });
        Assert.Single(scenario.Msel, i => i.Schedule is { Turn: null, At: null, When: not null });
        Assert.Single(scenario.Msel, i => i.Schedule.IsManual);
    }

    [Fact]
    public void Northern_shield_meets_the_realistic_scenario_brief()
    {
        var scenario = Load("northern-shield.yaml");

        Assert.True(scenario.Nations.Length >= 8);
        Assert.True(scenario.Clock.MaxTurns >= 10);
        Assert.True(scenario.Msel.Length >= 20);

        // Teams for most nations; a neutral mediator played by exercise control.
        Assert.True(scenario.Teams.Length * 2 > scenario.Nations.Length);
        Assert.Contains(scenario.Nations, n => n.Neutral && n.Control == NationControl.Facilitator);

        // Asymmetric relations: somewhere A's regard for B differs from B's for A.
        Assert.Contains(scenario.Nations, a => a.Relations.Any(r =>
            scenario.FindNation(r.With)!.Relations.Single(back => back.With == a.Code) is var back && (back.Trust != r.Trust || back.Tension != r.Tension)));

        // A multilateral alliance of four or more with the charter rules the exercise is built around.
        var alliance = Assert.Single(scenario.Alliances, a => a.Type == AllianceType.Multilateral && a.Members.Length >= 4);
        var charter = alliance.Charter;
        Assert.Equal(DecisionRuleKind.Consensus, charter.RuleFor(DecisionKind.Default).Kind);
        var joint = charter.RuleFor(DecisionKind.JointDeployment);
        Assert.Equal(DecisionRuleKind.QualifiedMajority, joint.Kind);
        Assert.NotNull(joint.Threshold);
        Assert.NotNull(joint.Weights);
        Assert.NotEmpty(joint.Weights);
        Assert.Equal(DecisionRuleKind.SilenceProcedure, charter.RuleFor(DecisionKind.CollectiveStatement).Kind);
        Assert.Equal(DecisionRuleKind.Unanimity, charter.RuleFor(DecisionKind.Admission).Kind);
        Assert.Contains(scenario.Alliances, a => a.Type == AllianceType.RegionalPartnership);
        Assert.Contains(scenario.Alliances, a => a.Type == AllianceType.Bilateral && a.Charter.Articles.Any(x => x.Kind == ArticleKind.CollectiveDefence));

        // An armed attack on an alliance member, by an aggressor, with the trigger that puts it on record.
        var attacks = scenario.Msel.SelectMany(i => i.Triggers).OfType<ArmedAttackTrigger>().ToList();
        Assert.Contains(attacks, t => alliance.Members.Contains(t.Victim) && !alliance.Members.Contains(t.Attacker));
        Assert.Contains(scenario.Msel, i => i.Kind == InjectKind.ArmedAttack && i.Triggers.OfType<ArmedAttackTrigger>().Any());

        // Every kind of inject appears, over ten or more turns, with conditions, news and briefs.
        Assert.Equal(Enum.GetValues<InjectKind>().ToHashSet(), scenario.Msel.Select(i => i.Kind).ToHashSet());
        Assert.True(scenario.Msel.Where(i => i.Schedule.Turn is not null).Select(i => i.Schedule.Turn).Distinct().Count() >= 10);
        Assert.Contains(scenario.Msel, i => i.Schedule.When is AllOfCondition all
            && all.Conditions.Any(c => c is RelationCondition { Measure: RelationMeasure.Tension, Comparison: Comparison.Above, Value: >= 70 }));
        Assert.True(scenario.Msel.Count(i => i.Schedule.When is not null) >= 2);
        Assert.True(scenario.Msel.Count(i => i.News is not null) >= 5);
        Assert.All(scenario.Msel, i => Assert.False(string.IsNullOrWhiteSpace(i.Brief)));
    }

    private static ScenarioDefinition Load(string file)
    {
        var result = ScenarioLoader.LoadFile(ScenarioFiles.Sample(file));
        Assert.True(result.IsValid, result.Describe());
        return result.Scenario;
    }
}
