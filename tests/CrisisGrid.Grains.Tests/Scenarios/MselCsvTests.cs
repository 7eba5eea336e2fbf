using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>MSEL import from CSV: injects as a spreadsheet keeps them, every problem reported by row and column.</summary>
public class MselCsvTests
{
    private static readonly ScenarioDefinition Scenario = TestScenarios.Small();

    [Fact]
    public void Msel_import_reads_injects_from_a_spreadsheets_csv_with_quoted_commas_and_line_breaks()
    {
        const string csv = "id,title,kind,turn,time,targets,brief,newsHeadline,newsBody\r\n"
            + "strike-1,Dock strike,economicShock,2,,NOR;team-nor,\"Dockers walk out, ports close.\",Ports closed,\"Line one\nline two\"\r\n"
            + "quake,Earthquake,naturalDisaster,,PT30H,all,,,\r\n"
            + "manual-1,Held back,cyberAttack,,,,,,\r\n";
        var result = MselCsvLoader.Load(csv, Scenario);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));

        Assert.Equal(["strike-1", "quake", "manual-1"], result.Injects.Select(i => i.Id));
        var strike = result.Injects[0];
        Assert.Equal((InjectKind.EconomicShock, 2), (strike.Kind, strike.Schedule.Turn));
        Assert.Equal(["NOR"], strike.Targets.Nations.AsEnumerable());
        Assert.Equal(["team-nor"], strike.Targets.Teams.AsEnumerable());
        Assert.Equal("Dockers walk out, ports close.", strike.Brief);
        Assert.Equal(("Ports closed", "Line one\nline two"), (strike.News!.Headline, strike.News.Body));
        Assert.Equal(TimeSpan.FromHours(30), result.Injects[1].Schedule.At);
        Assert.True(result.Injects[1].Targets.All);
        Assert.Equal(InjectSchedule.Manual, result.Injects[2].Schedule);
    }

    [Fact]
    public void Msel_import_reports_every_problem_by_row_and_column_and_imports_nothing()
    {
        const string csv = "id,title,kind,turn,targets\n"
            + "ok-1,Fine,borderIncident,1,NOR\n"
            + "Bad Id,,armedAtack,99,EST;XYZ\n"
            + "ok-1,Again,borderIncident,,\n";
        var result = MselCsvLoader.Load(csv, Scenario);
        Assert.Empty(result.Injects);

        var where = result.Problems.Select(p => (p.Row, p.ColumnNumber, p.Column)).ToList();
        Assert.Equal(
            [(3, 1, "id"), (3, 2, "title"), (3, 3, "kind"), (3, 4, "turn"), (3, 5, "targets"), (4, 1, "id")],
            where);
        var kind = result.Problems.Single(p => (p.Row, p.Column) == (3, "kind"));
        Assert.Contains("'armedAtack' is not an inject kind", kind.Message, StringComparison.Ordinal);
        Assert.Contains("armedAttack", kind.Message, StringComparison.Ordinal); // did you mean
        Assert.Contains("already used", result.Problems.Single(p => (p.Row, p.Column) == (4, "id")).Message, StringComparison.Ordinal);
        Assert.Equal(
            "Row 3, column turn: '99' is not a turn of this exercise. Allowed: a whole number from 1 to 6, or empty (released by hand).",
            result.Problems.Single(p => (p.Row, p.Column) == (3, "turn")).ToString());
    }

    [Fact]
    public void Msel_import_reports_a_bad_header_and_an_unclosed_quote()
    {
        var header = MselCsvLoader.Load("id,titel,kind\nx,y,armedAttack\n", Scenario);
        Assert.Contains(header.Problems, p => p.Row == 1 && p.ColumnNumber == 2 && p.Message.Contains("unknown column 'titel'", StringComparison.Ordinal));
        Assert.Contains(header.Problems, p => p.Row == 1 && p.Column == "title" && p.Message.Contains("required column 'title' is missing", StringComparison.Ordinal));

        var quote = MselCsvLoader.Load("id,title,kind\nx,\"never closed,armedAttack\n", Scenario);
        Assert.Equal((2, "a quoted cell is never closed."), (quote.Problems.Single().Row, quote.Problems.Single().Message));
    }

    [Fact]
    public void Msel_import_counts_rows_as_a_spreadsheet_does_past_line_breaks_in_cells_blank_rows_and_a_byte_order_mark()
    {
        const string csv = "\uFEFFid,title,kind,brief\n"
            + "a-1,First,borderIncident,\"two\nlines\"\n"
            + ",,,\n"
            + "a-2,,borderIncident,\n";
        var result = MselCsvLoader.Load(csv, Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, "title"), (problem.Row, problem.Column));
    }

    [Theory]
    [InlineData("small-test.yaml", "small-test.msel.csv", 5)]
    [InlineData("northern-shield.yaml", "northern-shield.msel.csv", 5)]
    public void The_sample_msel_files_import_into_their_scenarios(string scenarioFile, string csvFile, int injects)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFiles.Sample(scenarioFile)).Scenario!;
        var result = MselCsvLoader.Load(File.ReadAllText(ScenarioFiles.Sample(csvFile)), scenario);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(injects, result.Injects.Length);
    }

    [Fact]
    public void Msel_import_reads_a_condition_in_words_from_the_when_column()
    {
        const string csv = "id,title,kind,when,time\n"
            + "c-1,Both,borderIncident,tension NOR/RUS above 55 and turn 3,\n"
            + "c-2,Either,refugeeFlow,EST domesticStability below 40 or trust EST/RUS below 20,PT30H\n"
            + "c-3,Later,cyberAttack,turn 2,\n";
        var result = MselCsvLoader.Load(csv, Scenario);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));

        var both = Assert.IsType<AllOfCondition>(result.Injects[0].Schedule.When);
        Assert.Equal(new RelationCondition("NOR", "RUS", RelationMeasure.Tension, Comparison.Above, 55), both.Conditions[0]);
        Assert.Equal(new TurnCondition(3), both.Conditions[1]);
        var either = Assert.IsType<AnyOfCondition>(result.Injects[1].Schedule.When);
        Assert.Equal(new IndexCondition("EST", NationIndex.DomesticStability, Comparison.Below, 40), either.Conditions[0]);
        Assert.Equal(new RelationCondition("EST", "RUS", RelationMeasure.Trust, Comparison.Below, 20), either.Conditions[1]);
        Assert.Equal(TimeSpan.FromHours(30), result.Injects[1].Schedule.At);
        Assert.Equal(new InjectSchedule(null, null, new TurnCondition(2)), result.Injects[2].Schedule);
    }

    [Theory]
    [InlineData("tension NOR/RUS above 55 and turn 3 or turn 4", "mixes 'and' with 'or'")]
    [InlineData("tension NOR/XYZ above 55", "'XYZ' in 'tension NOR/XYZ above 55' is not a nation of this exercise.")]
    [InlineData("tension NOR/NOR above 55", "is not two different nations")]
    [InlineData("EST domesticStabilty below 40", "Did you mean 'domesticStability'?")]
    [InlineData("trust NOR/RUS over 50", "'over 50' in 'trust NOR/RUS over 50' is not a comparison.")]
    [InlineData("trust NOR/RUS below 101", "is not a comparison")]
    [InlineData("turn 2 and", "a clause is empty")]
    [InlineData("when it rains", "'when it rains' is not a condition.")]
    public void Msel_import_reports_a_condition_it_cannot_read_at_its_row_and_the_when_column(string when, string expected)
    {
        var result = MselCsvLoader.Load($"id,title,kind,when\nc-1,Title,borderIncident,{when}\n", Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "when", 4), (problem.Row, problem.Column, problem.ColumnNumber));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Allowed);
    }

    [Fact]
    public void Msel_import_refuses_a_condition_beside_a_turn_and_says_how_to_write_it()
    {
        var result = MselCsvLoader.Load("id,title,kind,turn,when\nc-1,Title,borderIncident,3,tension NOR/RUS above 55\n", Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Row 2, column when: an inject with a condition is not also scheduled by turn. Allowed: leave turn empty and add 'and turn 3' to the condition.", problem.ToString());
    }
}
