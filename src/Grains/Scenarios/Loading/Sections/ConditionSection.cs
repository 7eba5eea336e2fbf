using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// An inject's <c>when:</c> — a tree of conditions. Each node is a mapping with exactly one key:
/// <c>allOf</c>/<c>anyOf</c> (non-empty lists of conditions), <c>tension</c>/<c>trust</c> between two nations,
/// <c>index</c> of one nation, or <c>turn</c>.
/// </summary>
internal static class ConditionSection
{
    private static readonly string[] Kinds = ["allOf", "anyOf", "tension", "trust", "index", "turn"];
    private static readonly string[] RelationKeys = ["between", "above", "below"];
    private static readonly string[] IndexKeys = ["nation", "index", "above", "below"];
    private static readonly string[] TurnKeys = ["atLeast"];
    private static readonly string[] Comparisons = ["above", "below"];
    private const string Allowed = "a mapping with one of allOf, anyOf, tension, trust, index, turn";
    private const string ComparisonAllowed = "above: N or below: N, with N from 0 to 100";

    public static Condition? Read(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(Kinds) is not { } condition || Choice.ExactlyOne(condition, Kinds, "a condition", Allowed) is not { } kind)
        {
            return null;
        }

        var value = condition.Optional(kind)!;
        return kind switch
        {
            "allOf" => ReadList(value, context) is { } all ? new AllOfCondition(all) : null,
            "anyOf" => ReadList(value, context) is { } any ? new AnyOfCondition(any) : null,
            "tension" => ReadRelation(value, RelationMeasure.Tension, context),
            "trust" => ReadRelation(value, RelationMeasure.Trust, context),
            "index" => ReadIndex(value, context),
            _ => ReadTurn(value),
        };
    }

    private static ImmutableArray<Condition>? ReadList(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a non-empty list of conditions", nonEmpty: true) is not { } items)
        {
            return null;
        }

        var conditions = items.Select(item => Read(item, context)).ToList();
        return conditions.Contains(null) ? null : [.. conditions.OfType<Condition>()];
    }

    /// <summary><c>tension: {between: [A, B], above: 70}</c> — see <see cref="RelationCondition"/> for how the two directions combine.</summary>
    private static RelationCondition? ReadRelation(NodeCursor node, RelationMeasure measure, LoadContext context)
    {
        if (node.Mapping(RelationKeys) is not { } relation)
        {
            return null;
        }

        var pair = relation.Required("between", "a list of two different nation codes") is { } between ? ReadPair(between, context) : null;
        var comparison = ReadComparison(relation);
        return pair is { } p && comparison is { } c ? new RelationCondition(p.A, p.B, measure, c.Comparison, c.Value) : null;
    }

    private static (string A, string B)? ReadPair(NodeCursor node, LoadContext context)
    {
        const string allowed = "a list of two different nation codes, such as [ARD, BOR]";
        if (node.Sequence(allowed) is not { } items)
        {
            return null;
        }

        if (items.Count != 2)
        {
            node.Report($"{items.Count} {(items.Count == 1 ? "nation" : "nations")} listed; 'between' takes exactly two.", allowed);
            return null;
        }

        var a = items[0].Text(allowed);
        var b = items[1].Text(allowed);
        if (a is null || b is null)
        {
            return null;
        }

        if (a == b)
        {
            items[1].Report($"'{b}' is listed twice; a relation is between two different nations.", allowed);
            return null;
        }

        context.References.Use(Entity.Nation, a, items[0]);
        context.References.Use(Entity.Nation, b, items[1]);
        return (a, b);
    }

    private static IndexCondition? ReadIndex(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(IndexKeys) is not { } index)
        {
            return null;
        }

        var nationCursor = index.Required("nation", "a nation code");
        var nation = nationCursor?.Text();
        if (nationCursor is not null && nation is not null)
        {
            context.References.Use(Entity.Nation, nation, nationCursor);
        }

        var which = index.Required("index", EnumText.Allowed<NationIndex>())?.Enum<NationIndex>("nation index");
        var comparison = ReadComparison(index);
        return nation is not null && which is { } i && comparison is { } c ? new IndexCondition(nation, i, c.Comparison, c.Value) : null;
    }

    private static TurnCondition? ReadTurn(NodeCursor node)
    {
        if (node.Mapping(TurnKeys) is not { } turn)
        {
            return null;
        }

        return turn.Required("atLeast", "an integer of at least 1")?.Integer(1, int.MaxValue) is { } atLeast ? new TurnCondition(atLeast) : null;
    }

    private static (Comparison Comparison, int Value)? ReadComparison(MappingCursor mapping)
    {
        if (Choice.ExactlyOne(mapping, Comparisons, "a comparison", ComparisonAllowed) is not { } key)
        {
            return null;
        }

        var value = mapping.Optional(key)!.Integer(0, 100);
        return value is { } v ? (key == "above" ? Comparison.Above : Comparison.Below, v) : null;
    }
}
