using System.Collections.Immutable;
using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Loads MSEL injects from a CSV file, the format facilitators keep in spreadsheets. The first row names the columns
/// (any order, case-insensitive): <c>id</c>, <c>title</c>, <c>kind</c> (required); <c>turn</c>, <c>time</c> (an ISO
/// 8601 duration from the clock start); <c>when</c> (a condition in words, <see cref="ConditionCell"/>; none of the three
/// means released by hand); <c>targets</c> (<c>all</c>, or nation codes and team ids separated by semicolons);
/// <c>brief</c>; <c>newsHeadline</c> and <c>newsBody</c>. Effects and triggers stay in the scenario's YAML. Like the YAML loader it reports every problem — by spreadsheet row and column
/// name — and returns no inject when there is any. Format reference: docs/msel-csv.md.
/// </summary>
public static class MselCsvLoader
{
    public static readonly ImmutableArray<string> Columns = ["id", "title", "kind", "turn", "time", "when", "targets", "brief", "newsHeadline", "newsBody"];

    /// <summary>At most this many inject rows per file (as many as a scenario's MSEL may hold).</summary>
    public const int MaxRows = 1_000;

    private static readonly string[] Required = ["id", "title", "kind"];

    /// <summary>The header row of an empty template, as offered for download.</summary>
    public static string TemplateHeader => string.Join(",", Columns);

    public static MselCsvResult Load(string csvText, ScenarioDefinition scenario) => Load(csvText, MselCsvContext.ForScenario(scenario));

    public static MselCsvResult Load(string csvText, MselCsvContext context)
    {
        var problems = new List<MselRowProblem>();
        // Spreadsheets saving "CSV UTF-8" start the file with a byte-order mark; it is not part of the first column's name.
        var (rows, unterminated) = CsvRows.Parse(csvText.TrimStart('\uFEFF'));
        if (unterminated is { } at)
        {
            problems.Add(new(at, 0, "", "a quoted cell is never closed.", "close every \" with a second \""));
            return new([], problems);
        }

        if (rows.Count == 0)
        {
            problems.Add(new(1, 0, "", "the file is empty.", $"a header row naming the columns ({string.Join(", ", Columns)}), then one row per inject"));
            return new([], problems);
        }

        var header = ReadHeader(rows[0], problems);
        var ids = context.UsedIds.ToHashSet(StringComparer.Ordinal);
        var injects = ImmutableArray.CreateBuilder<InjectDefinition>();
        var body = rows.Skip(1).ToList();
        if (body.Count > MaxRows)
        {
            problems.Add(new(body[MaxRows].Number, 0, "", $"the file has more than {Number(MaxRows)} inject rows.", $"at most {Number(MaxRows)} rows; split the file"));
            return new([], problems);
        }

        foreach (var row in body)
        {
            if (new MselCsvRow(row, header, problems).Read(context, ids) is { } inject)
            {
                injects.Add(inject);
            }
        }

        if (rows.Count == 1)
        {
            problems.Add(new(rows[0].Number + 1, 0, "", "the file has a header but no inject rows.", "one row per inject under the header"));
        }

        return problems.Count == 0 ? new(injects.ToImmutable(), []) : new([], problems);
    }

    private static Dictionary<string, int> ReadHeader(CsvRows.Row header, List<MselRowProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var known = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new(header.Number, i + 1, name, $"unknown column '{name}'.{Suggestions.DidYouMean(name, Columns)}", string.Join(", ", Columns)));
            }
            else if (!columns.TryAdd(known, i))
            {
                problems.Add(new(header.Number, i + 1, known, $"column '{known}' appears twice.", "each column once"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new(header.Number, 0, missing, $"required column '{missing}' is missing.", string.Join(", ", Required) + " are required"));
        }

        return columns;
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
