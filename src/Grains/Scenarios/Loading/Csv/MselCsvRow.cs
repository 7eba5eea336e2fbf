using System.Collections.Immutable;
using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>One inject row of an MSEL CSV file: reads its cells and reports each problem at its row and column.</summary>
internal sealed class MselCsvRow(CsvRows.Row row, IReadOnlyDictionary<string, int> header, List<MselRowProblem> problems)
{
    private const string TargetsAllowed = "all, or nation codes and team ids separated by semicolons";
    private int _problems;

    public InjectDefinition? Read(MselCsvContext context, HashSet<string> ids)
    {
        var scenario = context.Scenario;
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
            Report("id", $"inject id '{id}' is already used (by an inject of this exercise or an earlier row).", "an id not used before");
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

        var schedule = ReadSchedule(context);
        var targets = ReadTargets(context);
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

    private InjectSchedule ReadSchedule(MselCsvContext context)
    {
        int? turn = null;
        TimeSpan? time = null;
        var maxTurns = context.Scenario.Clock.MaxTurns;
        var first = context.FirstOpenTurn;
        var turnsAllowed = maxTurns is { } last
            ? first <= last ? $"a whole number from {MselCsvLoader.Number(first)} to {MselCsvLoader.Number(last)}, or empty (released by hand)" : "empty (released by hand): the exercise is in its last turn"
            : $"a whole number of at least {MselCsvLoader.Number(first)}, or empty (released by hand)";
        if (Cell("turn") is { } turnText)
        {
            if (!int.TryParse(turnText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || (maxTurns is { } max && n > max))
            {
                Report("turn", $"'{turnText}' is not a turn of this exercise.", turnsAllowed);
            }
            else if (n < first)
            {
                // Due injects are released when a turn starts: one due at a turn that has begun would fire a turn late.
                Report("turn", $"turn {turnText} has already begun (the exercise is in turn {MselCsvLoader.Number(context.CurrentTurn)}).", turnsAllowed);
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
            else if (t < context.EarliestTime)
            {
                Report("time", $"{timeText} falls in a turn that has already begun (the exercise is in turn {MselCsvLoader.Number(context.CurrentTurn)}).",
                    $"{Hours(context.EarliestTime)} or later (the start of turn {MselCsvLoader.Number(first)}), or empty");
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

        Condition? when = null;
        if (Cell("when") is { } whenText)
        {
            var (condition, problem, allowed) = ConditionCell.Read(whenText, context.Scenario);
            if (problem is not null)
            {
                Report("when", problem, allowed);
            }
            else if (turn is not null)
            {
                // As in the YAML: a turn and a condition together would be read as "at turn N, if": say it in the condition.
                Report("when", "an inject with a condition is not also scheduled by turn.", $"leave turn empty and add 'and turn {MselCsvLoader.Number(turn.Value)}' to the condition");
            }
            else
            {
                when = condition;
            }
        }

        return new InjectSchedule(turn, time, when);
    }

    // In the form the time column takes; whole hours as PTnH, which facilitators read more easily than days and hours.
    private static string Hours(TimeSpan time) =>
        time.Ticks % TimeSpan.TicksPerHour == 0 ? $"PT{((long)time.TotalHours).ToString(CultureInfo.InvariantCulture)}H" : System.Xml.XmlConvert.ToString(time);

    private InjectTargets ReadTargets(MselCsvContext context)
    {
        var scenario = context.Scenario;
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
            else if (context.Teams.Contains(target))
            {
                teams.Add(target);
            }
            else
            {
                var known = scenario.Nations.Select(n => n.Code).Concat(context.Teams.Order(StringComparer.Ordinal));
                Report("targets", $"'{target}' is neither a nation nor a team of this exercise.{Suggestions.DidYouMean(target, known)}",
                    $"{TargetsAllowed}: {string.Join(", ", known)}");
            }
        }

        return new InjectTargets(false, nations.ToImmutable(), teams.ToImmutable());
    }

    private string? Cell(string column) =>
        header.TryGetValue(column, out var index) && index < row.Fields.Count && row.Fields[index].Trim() is { Length: > 0 } value ? value : null;

    private void Report(string column, string message, string? allowed)
    {
        _problems++;
        var index = header.TryGetValue(column, out var i) ? i + 1 : 0;
        problems.Add(new MselRowProblem(row.Number, index, column, message, allowed));
    }
}
