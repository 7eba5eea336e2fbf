using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

public class DefaultsTests
{
    [Fact]
    public void Left_out_keys_get_their_documented_defaults()
    {
        var yaml = ScenarioYaml.WithNations("""
            alliances:
              - {code: NCP, name: Compact, type: bilateral, members: [ARD, CAL]}
            msel:
              - {id: held, title: Held back, kind: economicShock}
            """);

        var scenario = Valid(yaml);

        Assert.Equal("", scenario.Description);
        Assert.Equal(TimeSpan.FromDays(1), scenario.Clock.TurnDuration);
        Assert.Null(scenario.Clock.MaxTurns);
        Assert.Equal(4, scenario.Clock.ActionPointsPerTurn);
        Assert.Equal(PhaseDeadlines.None, scenario.Clock.Deadlines);

        var ardenia = scenario.FindNation("ARD")!;
        Assert.Equal(NationControl.Team, ardenia.Control);
        Assert.False(ardenia.Neutral);
        Assert.Null(ardenia.ActionPointsPerTurn);
        Assert.Equal("", ardenia.Description);

        var charter = scenario.Alliances[0].Charter;
        Assert.Empty(charter.Articles);
        Assert.Equal(new ConsultationTerms(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20)), charter.Consultation);
        Assert.Empty(charter.DecisionRules);
        Assert.Equal(DecisionRule.DefaultConsensus, charter.RuleFor(DecisionKind.CollectiveDefence));
        Assert.Equal(TimeSpan.FromHours(1), charter.WithdrawalNotice);

        var inject = scenario.Msel[0];
        Assert.True(inject.Schedule.IsManual);
        Assert.True(inject.Targets.All);
        Assert.Empty(inject.Effects);
        Assert.Empty(inject.Triggers);
        Assert.Null(inject.News);
        Assert.Null(inject.Brief);
    }

    [Fact]
    public void Relations_not_listed_are_filled_in_with_trust_50_and_tension_20()
    {
        var yaml = ScenarioYaml.Header + $$"""
            nations:
              - code: ARD
                name: Ardenia
                indices: {{ScenarioYaml.Indices}}
                relations:
                  - {with: CAL, trust: 80}
              - {code: BOR, name: Borovia, control: facilitator, indices: {{ScenarioYaml.Indices}}}
              - {code: CAL, name: Calderra, control: facilitator, indices: {{ScenarioYaml.Indices}}}
            teams:
              - {id: ardenia, name: Ardenians, nation: ARD}
            """;

        var scenario = Valid(yaml);

        // Every nation regards every other explicitly, in the order the nations are listed.
        Assert.Equal<RelationDefinition>([new RelationDefinition("BOR", 50, 20), new RelationDefinition("CAL", 80, 20)], scenario.FindNation("ARD")!.Relations);
        Assert.Equal<RelationDefinition>([new RelationDefinition("ARD", 50, 20), new RelationDefinition("CAL", 50, 20)], scenario.FindNation("BOR")!.Relations);
    }

    [Fact]
    public void Null_means_absent_for_optional_keys()
    {
        var yaml = ScenarioYaml.WithNations().Replace("  start: 2031-03-01T06:00:00Z\n", "  start: 2031-03-01T06:00:00Z\n  maxTurns: null\n  deadlines: {planning: null, orders: PT10M, results: ~}\n", StringComparison.Ordinal);

        var clock = Valid(yaml).Clock;

        Assert.Null(clock.MaxTurns);
        Assert.Equal(new PhaseDeadlines(null, TimeSpan.FromMinutes(10), null), clock.Deadlines);
    }

    [Fact]
    public void Nation_and_clock_settings_are_read_as_written()
    {
        var yaml = ScenarioYaml.WithNations().Replace("  start: 2031-03-01T06:00:00Z\n", "  start: 2031-03-01T06:00:00+02:00\n  turnDuration: PT6H\n  maxTurns: 10\n  actionPointsPerTurn: 6\n", StringComparison.Ordinal)
            .Replace("{code: CAL, name: Calderra, control: facilitator,", "{code: CAL, name: Calderra, control: facilitator, neutral: true, actionPointsPerTurn: 2,", StringComparison.Ordinal);

        var scenario = Valid(yaml);

        Assert.Equal(new DateTimeOffset(2031, 3, 1, 6, 0, 0, TimeSpan.FromHours(2)), scenario.Clock.Start);
        // DateTimeOffset equality compares instants; the offset itself is the exercise's local time, shown to everyone.
        Assert.Equal(TimeSpan.FromHours(2), scenario.Clock.Start.Offset);
        Assert.Equal(TimeSpan.FromHours(6), scenario.Clock.TurnDuration);
        Assert.Equal(10, scenario.Clock.MaxTurns);
        Assert.Equal(6, scenario.Clock.ActionPointsPerTurn);
        var calderra = scenario.FindNation("CAL")!;
        Assert.True(calderra.Neutral);
        Assert.Equal(2, calderra.ActionPointsPerTurn);
        Assert.Equal(new NationIndices(10, 20, 30, 40, 50, 60), calderra.Indices);
    }

    private static ScenarioDefinition Valid(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "test.yaml");
        Assert.True(result.IsValid, result.Describe());
        return result.Scenario;
    }
}
