using System.Collections.Immutable;
using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Loads MSEL injects from a CSV file, the format facilitators keep in spreadsheets. The first row names the columns
/// (any order, case-insensitive): <c>id</c>, <c>title</c>, <c>kind</c> (required); <c>turn</c>, <c>time</c> (an ISO
/// 8601 duration from the clock start; neither means released by hand); <c>targets</c> (<c>all</c>, or nation codes
/// and team ids separated by semicolons); <c>brief</c>; <c>newsHeadline</c> and <c>newsBody</c>. Effects, conditions and
/// triggers stay in the scenario's YAML. Like the YAML loader it reports every problem — by row (the file's line),
/// column and field — and returns no inject when there is any.
/// </summary>
public static class MselCsvLoader
{
    public static readonly ImmutableArray<string> Columns = ["id", "title", "kind", "turn", "time", "targets", "brief", "newsHeadline", "newsBody"];
    private static readonly string[] Required = ["id", "title", "kind"];

    public static MselCsvResult Load(string csvText, string fileName, ScenarioDefinition scenario)
    {
        var problems = new List<ScenarioProblem>();
        var (rows, unterminated) = CsvRows.Parse(csvText);
        if (unterminated is { } at)
        {
            problems.Add(new(fileName, at, 1, "", "a quoted field is never closed.", "close every \" with a second \""));
            return new([], problems);
        }

        if (rows.Count == 0)
        {
            problems.Add(new(fileName, 1, 1, "", "the file is empty.", $"a header row naming the columns ({string.Join(", ", Columns)}), then one row per inject"));
            return new([], problems);
        }

        var header = ReadHeader(rows[0], fileName, problems);
        var ids = new HashSet<string>(scenario.Msel.Select(i => i.Id), StringComparer.Ordinal);
        var injects = ImmutableArray.CreateBuilder<InjectDefinition>();
        foreach (var row in rows.Skip(1))
        {
            var cells = new MselCsvRow(row, header, fileName, problems);
            if (cells.Read(scenario, ids) is { } inject)
            {
                injects.Add(inject);
            }
        }

        if (rows.Count == 1)
        {
            problems.Add(new(fileName, rows[0].Line, 1, "", "the file has a header but no inject rows.", "one row per inject under the header"));
        }

        return problems.Count == 0 ? new(injects.ToImmutable(), []) : new([], problems);
    }

    private static Dictionary<string, int> ReadHeader(CsvRows.Row header, string fileName, List<ScenarioProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var known = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new(fileName, header.Line, i + 1, "header", $"unknown column '{name}'.{Suggestions.DidYouMean(name, Columns)}", string.Join(", ", Columns)));
            }
            else if (!columns.TryAdd(known, i))
            {
                problems.Add(new(fileName, header.Line, i + 1, "header", $"column '{known}' appears twice.", "each column once"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new(fileName, header.Line, 1, "header", $"required column '{missing}' is missing.", string.Join(", ", Required) + " are required"));
        }

        return columns;
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
