using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

public class ProblemReportingTests
{
    [Fact]
    public void Every_problem_in_a_file_is_reported_in_file_order()
    {
        const string yaml = """
            format: crisisgrid/scenario
            version: 1
            id: many-mistakes
            title: Many mistakes
            clock:
              start: 2031-03-01T06:00:00Z
              turnDuraton: PT12H
            nations:
              - code: ARD
                name: Ardenia
                indices: {militaryStrength: 50, readiness: 50, economy: 140, domesticStability: 50, publicSupport: 50, internationalStanding: 50}
              - code: BOR
                name: Borovia
                indices: {militaryStrength: 50, readiness: 50, economy: 50, domesticStability: 50, publicSupport: 50, internationalStanding: 50}
                relations:
                  - {with: BOR}
            teams:
              - {id: ardenia, name: Ardenians, nation: ARD}
              - {id: borovia, name: Borovians, nation: BOR}
            msel:
              - {id: one, title: One, kind: borderIncident, at: {turn: 0}}
              - {id: one, title: Two, kind: floods}
            """;

        var result = ScenarioLoader.Load(yaml, "many.yaml");

        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        Assert.Equal(
            [
                "many.yaml:7:3: clock.turnDuraton: unknown key 'turnDuraton'. Did you mean 'turnDuration'? Allowed: start, turnDuration, maxTurns, actionPointsPerTurn, deadlines, reviewAdjudications.",
                "many.yaml:11:61: nations[0].indices.economy: 140 is out of range. Allowed: an integer from 0 to 100.",
                "many.yaml:16:16: nations[1].relations[0].with: a nation cannot have a relation with itself ('BOR'). Allowed: the code of another nation.",
                "many.yaml:21:60: msel[0].at.turn: 0 is out of range. Allowed: an integer of at least 1.",
                "many.yaml:22:10: msel[1].id: duplicate inject id 'one': already used at line 21. Allowed: each inject id once.",
                "many.yaml:22:33: msel[1].kind: 'floods' is not a known inject kind. Allowed: one of borderIncident, armedAttack, cyberAttack, terroristAttack, disinformationCampaign, refugeeFlow, naturalDisaster, economicShock, leadershipChange, humanitarianCrisis.",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Problem_reads_like_a_compiler_message()
    {
        var problem = new ScenarioProblem("baltic.yaml", 12, 7, "nations[2].indices.economy", "140 is out of range.", "an integer from 0 to 100");

        Assert.Equal("baltic.yaml:12:7: nations[2].indices.economy: 140 is out of range. Allowed: an integer from 0 to 100.", problem.ToString());
        Assert.Equal("x.yaml:1:1: the file is empty.", new ScenarioProblem("x.yaml", 1, 1, "", "the file is empty.", null).ToString());
    }

    [Fact]
    public void Empty_text_is_reported_not_thrown()
    {
        var result = ScenarioLoader.Load("", "empty.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the file is empty.", problem.Message);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void Unreadable_file_is_a_problem_not_an_exception()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml"));

        Assert.False(result.IsValid);
        Assert.StartsWith("the file cannot be read", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        var yaml = "format: crisisgrid/scenario\nversion: 1\nnations: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = Assert.Single(ScenarioLoader.Load(yaml, "deep.yaml").Problems);

        // The top-level mapping is the first level, so the 64th '[' (column 10 + 63) is one too many.
        Assert.Equal((3, 10 + NestingGuard.MaxDepth - 1), (problem.Line, problem.Column));
        Assert.StartsWith("the YAML nests more than 64 levels deep", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_format_stops_reading_so_its_one_problem_is_not_buried()
    {
        const string yaml = "format: something/else\nversion: 1\nunrelated: true\nalso: [1, 2]\n";

        var problem = Assert.Single(ScenarioLoader.Load(yaml, "other.yaml").Problems);

        Assert.Equal("format", problem.Path);
    }
}
