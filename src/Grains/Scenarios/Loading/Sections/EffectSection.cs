using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// An inject's <c>effects:</c> (per nation: index deltas and relation deltas) and its public <c>news:</c>. Deltas
/// are signed and the grains clamp results to 0–100, so a delta is bounded by the width of that range.
/// </summary>
internal static class EffectSection
{
    private static readonly string[] Keys = ["nation", "indices", "relations"];
    private static readonly string[] RelationKeys = ["toward", "trust", "tension"];
    private static readonly string[] NewsKeys = ["headline", "body", "publicSupport"];
    private static readonly IReadOnlyList<string> IndexNames = EnumText.Names<NationIndex>();
    private const string DeltaAllowed = "an integer from -100 to 100";

    public static ImmutableArray<InjectEffect> Read(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of effects, each with nation and indices and/or relations") is not { } items)
        {
            return [];
        }

        var effects = ImmutableArray.CreateBuilder<InjectEffect>();
        foreach (var item in items)
        {
            if (item.Mapping(Keys) is not { } effect)
            {
                continue;
            }

            var nationCursor = effect.Required("nation", "a nation code");
            var nation = nationCursor?.Text();
            if (nationCursor is not null && nation is not null)
            {
                context.References.Use(Entity.Nation, nation, nationCursor);
            }

            if (!effect.Has("indices") && !effect.Has("relations"))
            {
                effect.Self.Report("the effect changes nothing.", "indices and/or relations");
            }

            effects.Add(new InjectEffect(
                nation ?? "",
                effect.Optional("indices") is { } indices ? ReadIndexDeltas(indices) : ImmutableDictionary<NationIndex, int>.Empty,
                effect.Optional("relations") is { } relations ? ReadRelationChanges(relations, nation, context) : []));
        }

        return effects.ToImmutable();
    }

    public static NewsItem? ReadNews(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(NewsKeys) is not { } news)
        {
            return null;
        }

        var support = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (news.Optional("publicSupport") is { } publicSupport
            && publicSupport.OpenMapping("nation codes, each with a public support change from -100 to 100") is { } entries)
        {
            foreach (var (key, nation, value) in entries)
            {
                context.References.Use(Entity.Nation, nation, key);
                if (value.Integer(-100, 100, DeltaAllowed) is { } delta)
                {
                    support[nation] = delta;
                }
            }
        }

        return new NewsItem(news.Required("headline")?.Text() ?? "", news.Required("body")?.Text() ?? "", support.ToImmutable());
    }

    private static ImmutableDictionary<NationIndex, int> ReadIndexDeltas(NodeCursor node)
    {
        var deltas = ImmutableDictionary.CreateBuilder<NationIndex, int>();
        if (node.Mapping([.. IndexNames]) is { } indices)
        {
            foreach (var name in indices.PresentKeys)
            {
                if (indices.Optional(name)!.Integer(-100, 100, DeltaAllowed) is { } delta && EnumText.TryParse<NationIndex>(name, out var index))
                {
                    deltas[index] = delta;
                }
            }
        }

        return deltas.ToImmutable();
    }

    private static ImmutableArray<RelationChange> ReadRelationChanges(NodeCursor node, string? nation, LoadContext context)
    {
        if (node.Sequence("a list of relation changes, each with toward, trust and/or tension") is not { } items)
        {
            return [];
        }

        var changes = ImmutableArray.CreateBuilder<RelationChange>();
        foreach (var item in items)
        {
            if (item.Mapping(RelationKeys) is not { } change)
            {
                continue;
            }

            var towardCursor = change.Required("toward", "the code of another nation");
            var toward = towardCursor?.Text();
            if (towardCursor is not null && toward is not null)
            {
                if (toward == nation)
                {
                    towardCursor.Report($"a nation cannot change its relation with itself ('{toward}').", "the code of another nation");
                }
                else
                {
                    context.References.Use(Entity.Nation, toward, towardCursor);
                }
            }

            changes.Add(new RelationChange(
                toward ?? "",
                change.Optional("trust")?.Integer(-100, 100, DeltaAllowed) ?? 0,
                change.Optional("tension")?.Integer(-100, 100, DeltaAllowed) ?? 0));
        }

        return changes.ToImmutable();
    }
}
