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
        var result = MselCsvLoader.Load(csv, "msel.csv", Scenario);
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
        var result = MselCsvLoader.Load(csv, "msel.csv", Scenario);
        Assert.Empty(result.Injects);

        var where = result.Problems.Select(p => (p.Line, p.Column, p.Path)).ToList();
        Assert.Equal(
            [(3, 1, "row 3.id"), (3, 2, "row 3.title"), (3, 3, "row 3.kind"), (3, 4, "row 3.turn"), (3, 5, "row 3.targets"), (4, 1, "row 4.id")],
            where);
        var kind = result.Problems.Single(p => p.Path == "row 3.kind");
        Assert.Contains("'armedAtack' is not an inject kind", kind.Message, StringComparison.Ordinal);
        Assert.Contains("armedAttack", kind.Message, StringComparison.Ordinal); // did you mean
        Assert.Contains("already used", result.Problems.Single(p => p.Path == "row 4.id").Message, StringComparison.Ordinal);
        Assert.StartsWith("msel.csv:3:4: row 3.turn:", result.Problems.Single(p => p.Path == "row 3.turn").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Msel_import_reports_a_bad_header_and_an_unclosed_quote()
    {
        var header = MselCsvLoader.Load("id,titel,kind\nx,y,armedAttack\n", "msel.csv", Scenario);
        Assert.Contains(header.Problems, p => p.Path == "header" && p.Column == 2 && p.Message.Contains("unknown column 'titel'", StringComparison.Ordinal));
        Assert.Contains(header.Problems, p => p.Path == "header" && p.Message.Contains("required column 'title' is missing", StringComparison.Ordinal));

        var quote = MselCsvLoader.Load("id,title,kind\nx,\"never closed,armedAttack\n", "msel.csv", Scenario);
        Assert.Equal((2, "a quoted field is never closed."), (quote.Problems.Single().Line, quote.Problems.Single().Message));
    }
}
