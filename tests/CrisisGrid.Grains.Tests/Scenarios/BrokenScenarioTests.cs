using System.Text.RegularExpressions;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>
/// The corpus in Scenarios/Broken: each file makes one mistake and says, in its first line, the one problem the
/// loader must report — <c># expect: LINE:COLUMN PATH: MESSAGE-START</c> (PATH is "-" for file-level problems).
/// </summary>
public partial class BrokenScenarioTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenarioFiles.BrokenDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Broken_file_is_rejected_with_exactly_its_declared_problem(string file)
    {
        var path = Path.Combine(ScenarioFiles.BrokenDirectory, file);
        var expected = Expectation(File.ReadLines(path).First());

        var result = ScenarioLoader.LoadFile(path);

        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(file, problem.File);
        Assert.Equal(expected.Path, problem.Path);
        Assert.Equal((expected.Line, expected.Column), (problem.Line, problem.Column));
        Assert.StartsWith(expected.Message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_covers_the_validation_rules()
    {
        // Guards the copy to the output directory: an empty corpus would make the theory above vacuous.
        Assert.True(Files().Count >= 30, $"expected at least 30 broken scenarios in {ScenarioFiles.BrokenDirectory}");
    }

    private static (int Line, int Column, string Path, string Message) Expectation(string header)
    {
        var match = ExpectPattern().Match(header);
        Assert.True(match.Success, $"the first line must be '# expect: LINE:COLUMN PATH: MESSAGE', not '{header}'");
        var path = match.Groups["path"].Value;
        return (int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["column"].Value), path == "-" ? "" : path, match.Groups["message"].Value);
    }

    [GeneratedRegex(@"^# expect: (?<line>\d+):(?<column>\d+) (?<path>\S+): (?<message>.+)$")]
    private static partial Regex ExpectPattern();
}
