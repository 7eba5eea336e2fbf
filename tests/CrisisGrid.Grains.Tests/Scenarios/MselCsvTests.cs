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
    [InlineData("small-test.yaml", "small-test.msel.csv", 3)]
    [InlineData("northern-shield.yaml", "northern-shield.msel.csv", 4)]
    public void The_sample_msel_files_import_into_their_scenarios(string scenarioFile, string csvFile, int injects)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFiles.Sample(scenarioFile)).Scenario!;
        var result = MselCsvLoader.Load(File.ReadAllText(ScenarioFiles.Sample(csvFile)), scenario);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(injects, result.Injects.Length);
    }
}
