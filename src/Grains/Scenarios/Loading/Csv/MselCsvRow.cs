using System.Collections.Immutable;
using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>One inject row of an MSEL CSV file: reads its cells and reports each problem at its row and column.</summary>
internal sealed class MselCsvRow(CsvRows.Row row, IReadOnlyDictionary<string, int> header, string fileName, List<ScenarioProblem> problems)
{
    private const string TargetsAllowed = "all, or nation codes and team ids separated by semicolons";
    private int _problems;

    public InjectDefinition? Read(ScenarioDefinition scenario, HashSet<string> ids)
    {
        var id = Cell("id");
        if (id is null)
        {
            Report("id", "an inject needs an id.", Identifiers.IdAllowed);
        }
        else if (!Identifiers.Id().IsMatch(id))
        {
            Report("id", $"'{id}' is not a valid id.", Identifiers.IdAllowed);
        }
        else if (!ids.Add(id))
        {
            Report("id", $"inject id '{id}' is already used (in the scenario or an earlier row).", "a new id");
        }

        var title = Cell("title");
        if (title is null)
        {
            Report("title", "an inject needs a title.", "text");
        }

        var kind = default(InjectKind);
        if (Cell("kind") is not { } kindText)
        {
            Report("kind", "an inject needs a kind.", EnumText.Allowed<InjectKind>());
        }
        else if (!EnumText.TryParse(kindText, out kind))
        {
            Report("kind", $"'{kindText}' is not an inject kind.{Suggestions.DidYouMean(kindText, EnumText.Names<InjectKind>())}", EnumText.Allowed<InjectKind>());
        }

        var schedule = ReadSchedule(scenario);
        var targets = ReadTargets(scenario);
        var headline = Cell("newsHeadline");
        var body = Cell("newsBody");
        if (body is not null && headline is null)
        {
            Report("newsHeadline", "news needs a headline when it has a body.", "a headline, or leave newsBody empty");
        }

        var news = headline is null ? null : new NewsItem(headline, body ?? "", ImmutableDictionary<string, int>.Empty);
        return _problems == 0
            ? new InjectDefinition(id!, title!, kind, schedule, targets, [], [], news, Cell("brief"))
            : null;
    }

    private InjectSchedule ReadSchedule(ScenarioDefinition scenario)
    {
        int? turn = null;
        TimeSpan? time = null;
        var maxTurns = scenario.Clock.MaxTurns;
        if (Cell("turn") is { } turnText)
        {
            if (!int.TryParse(turnText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || (maxTurns is { } max && n > max))
            {
                Report("turn", $"'{turnText}' is not a turn of this exercise.", maxTurns is { } m ? $"a whole number from 1 to {MselCsvLoader.Number(m)}" : "a whole number of at least 1");
            }
            else
            {
                turn = n;
            }
        }

        if (Cell("time") is { } timeText)
        {
            if (!YamlScalars.TryDuration(timeText, out var t) || t < TimeSpan.Zero)
            {
                Report("time", $"'{timeText}' is not a duration.", "an ISO 8601 duration from the clock start, such as PT30H");
            }
            else
            {
                time = t;
            }
        }

        if (turn is not null && time is not null)
        {
            Report("time", "an inject is scheduled by turn or by time, not both.", "fill in turn or time, or neither (released by hand)");
        }

        return new InjectSchedule(turn, time, null);
    }

    private InjectTargets ReadTargets(ScenarioDefinition scenario)
    {
        if (Cell("targets") is not { } text || string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            return InjectTargets.Everyone;
        }

        var nations = ImmutableArray.CreateBuilder<string>();
        var teams = ImmutableArray.CreateBuilder<string>();
        foreach (var target in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (scenario.Nations.Any(n => n.Code == target))
            {
                nations.Add(target);
            }
            else if (scenario.Teams.Any(t => t.Id == target))
            {
                teams.Add(target);
            }
            else
            {
                var known = scenario.Nations.Select(n => n.Code).Concat(scenario.Teams.Select(t => t.Id));
                Report("targets", $"'{target}' is neither a nation nor a team of this scenario.{Suggestions.DidYouMean(target, known)}", TargetsAllowed);
            }
        }

        return new InjectTargets(false, nations.ToImmutable(), teams.ToImmutable());
    }

    private string? Cell(string column) =>
        header.TryGetValue(column, out var index) && index < row.Fields.Count && row.Fields[index].Trim() is { Length: > 0 } value ? value : null;

    private void Report(string column, string message, string? allowed)
    {
        _problems++;
        var index = header.TryGetValue(column, out var i) ? i + 1 : 1;
        problems.Add(new ScenarioProblem(fileName, row.Line, index, $"row {MselCsvLoader.Number(row.Line)}.{column}", message, allowed));
    }
}
