using System.Collections.Immutable;
using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// The <c>when</c> cell of an MSEL CSV row: a condition in a line of words, as a spreadsheet cell holds it. Clauses
/// are <c>tension ARD/BOR above 55</c>, <c>trust ARD/BOR below 30</c>, <c>ARD domesticStability below 40</c> and
/// <c>turn 3</c> (from turn 3 on), joined by <c>and</c> or by <c>or</c> (not both in one cell: nesting stays in the
/// scenario's YAML). Hand-written because it is this small; each problem is one sentence with what is allowed.
/// </summary>
internal static class ConditionCell
{
    public const string Allowed = "clauses such as 'tension ARD/BOR above 55', 'trust ARD/BOR below 30', 'ARD domesticStability below 40' or 'turn 3', joined by 'and' or by 'or'";

    /// <summary>The condition, or the problem (what is wrong, what is allowed).</summary>
    public static (Condition? Condition, string? Problem, string? AllowedHere) Read(string text, ScenarioDefinition scenario)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var joins = words.Where(w => w is "and" or "or").Distinct().ToList();
        if (joins.Count > 1)
        {
            return (null, $"'{text}' mixes 'and' with 'or'.", "one kind of join per cell; a condition that needs both goes in the scenario's YAML");
        }

        var clauses = new List<Condition>();
        var clause = new List<string>();
        foreach (var word in words.Append("and"))
        {
            if (word is not ("and" or "or"))
            {
                clause.Add(word);
                continue;
            }

            var (condition, problem, allowed) = Clause(clause, scenario);
            if (problem is not null)
            {
                return (null, problem, allowed);
            }

            clauses.Add(condition!);
            clause.Clear();
        }

        return clauses.Count == 1 ? (clauses[0], null, null)
            : joins.Single() == "and" ? (new AllOfCondition([.. clauses]), null, null)
            : (new AnyOfCondition([.. clauses]), null, null);
    }

    private static (Condition?, string?, string?) Clause(List<string> words, ScenarioDefinition scenario)
    {
        var text = string.Join(' ', words);
        switch (words)
        {
            case []:
                return (null, "a clause is empty (an 'and' or 'or' with nothing on one side).", Allowed);
            case ["turn", var n]:
                return int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var turn) && turn >= 1
                    ? (new TurnCondition(turn), null, null)
                    : (null, $"'{n}' in '{text}' is not a turn.", "turn N, with N a whole number of at least 1");
            case [var measure and ("tension" or "trust"), var pair, var comparison, var value]:
                var nations = pair.Split('/');
                if (nations.Length != 2 || nations[0] == nations[1])
                {
                    return (null, $"'{pair}' in '{text}' is not two different nations.", "two nation codes with a slash between them, such as ARD/BOR");
                }

                var unknown = nations.FirstOrDefault(n => scenario.FindNation(n) is null);
                if (unknown is not null)
                {
                    return (null, $"'{unknown}' in '{text}' is not a nation of this exercise.{Suggestions.DidYouMean(unknown, scenario.Nations.Select(x => x.Code))}",
                        string.Join(", ", scenario.Nations.Select(x => x.Code)));
                }

                return Compare(text, comparison, value) is { } c
                    ? (new RelationCondition(nations[0], nations[1], measure == "tension" ? RelationMeasure.Tension : RelationMeasure.Trust, c.Comparison, c.Value), null, null)
                    : (null, $"'{comparison} {value}' in '{text}' is not a comparison.", "above N or below N, with N from 0 to 100");
            case [var nation, var index, var comparison, var value] when scenario.FindNation(nation) is not null:
                if (!EnumText.TryParse<NationIndex>(index, out var which))
                {
                    return (null, $"'{index}' in '{text}' is not a nation index.{Suggestions.DidYouMean(index, EnumText.Names<NationIndex>())}", EnumText.Allowed<NationIndex>());
                }

                return Compare(text, comparison, value) is { } ic
                    ? (new IndexCondition(nation, which, ic.Comparison, ic.Value), null, null)
                    : (null, $"'{comparison} {value}' in '{text}' is not a comparison.", "above N or below N, with N from 0 to 100");
            case [var nation, _, _, _]:
                return (null, $"'{nation}' in '{text}' is not a nation of this exercise.{Suggestions.DidYouMean(nation, scenario.Nations.Select(x => x.Code))}",
                    string.Join(", ", scenario.Nations.Select(x => x.Code)));
            default:
                return (null, $"'{text}' is not a condition.", Allowed);
        }
    }

    private static (Comparison Comparison, int Value)? Compare(string text, string comparison, string value) =>
        comparison is "above" or "below" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100
            ? (comparison == "above" ? Comparison.Above : Comparison.Below, n)
            : null;
}
