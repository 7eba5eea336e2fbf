using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>nations:</c> — each nation's code, name, who plays it, its six indices and how it regards the others.
/// Relations are directional and only the ones that differ from the default need writing; the loader fills in the
/// rest (see <see cref="RelationDefaults"/>).
/// </summary>
internal static class NationSection
{
    private static readonly string[] Keys = ["code", "name", "description", "control", "neutral", "actionPointsPerTurn", "indices", "relations"];
    private static readonly string[] IndexKeys = [.. EnumText.Names<NationIndex>()];
    private static readonly string[] RelationKeys = ["with", "trust", "tension"];
    private const string IndexAllowed = "an integer from 0 to 100";

    /// <summary>Stands in for indices that could not be read; the definition is discarded anyway because a problem was reported.</summary>
    private static readonly NationIndices Placeholder = new(0, 0, 0, 0, 0, 0);

    public static ImmutableArray<NationDefinition> Read(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of nations, at least one", nonEmpty: true) is not { } items)
        {
            return [];
        }

        return [.. items.Select(item => ReadNation(item, context)).OfType<NationDefinition>()];
    }

    private static NationDefinition? ReadNation(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(Keys) is not { } nation)
        {
            return null;
        }

        var codeCursor = nation.Required("code", Identifiers.CodeAllowed);
        var code = codeCursor?.Matching(Identifiers.Code(), Identifiers.CodeAllowed);
        var control = nation.Optional("control")?.Enum<NationControl>("control") ?? ScenarioDefaults.Control;
        if (codeCursor is not null && code is not null)
        {
            context.References.Declare(Entity.Nation, code, codeCursor);
            context.Nations.Add((code, control, nation.Self));
        }

        return new NationDefinition(
            code ?? "",
            nation.Required("name")?.Text() ?? "",
            nation.Optional("description")?.Text() ?? "",
            nation.Required("indices", "a mapping of all six indices, each 0 to 100") is { } indices ? ReadIndices(indices) : Placeholder,
            nation.Optional("relations") is { } relations ? ReadRelations(relations, code, context) : [],
            control,
            nation.Optional("neutral")?.Boolean() ?? ScenarioDefaults.Neutral,
            nation.Optional("actionPointsPerTurn")?.Integer(1, 100));
    }

    private static NationIndices ReadIndices(NodeCursor node)
    {
        if (node.Mapping(IndexKeys) is not { } indices)
        {
            return Placeholder;
        }

        int Index(NationIndex index) => indices.Required(EnumText.Name(index), IndexAllowed)?.Integer(NationIndices.Min, NationIndices.Max) ?? 0;

        return new NationIndices(
            Index(NationIndex.MilitaryStrength),
            Index(NationIndex.Readiness),
            Index(NationIndex.Economy),
            Index(NationIndex.DomesticStability),
            Index(NationIndex.PublicSupport),
            Index(NationIndex.InternationalStanding));
    }

    private static ImmutableArray<RelationDefinition> ReadRelations(NodeCursor node, string? self, LoadContext context)
    {
        if (node.Sequence("a list of relations, each with: (a nation code), trust and tension") is not { } items)
        {
            return [];
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var relations = ImmutableArray.CreateBuilder<RelationDefinition>();
        foreach (var item in items)
        {
            if (item.Mapping(RelationKeys) is not { } relation)
            {
                continue;
            }

            var withCursor = relation.Required("with", "the code of another nation");
            var with = withCursor?.Text();
            if (withCursor is not null && with is not null)
            {
                if (with == self)
                {
                    withCursor.Report($"a nation cannot have a relation with itself ('{with}').", "the code of another nation");
                }
                else if (seen.TryGetValue(with, out var firstLine))
                {
                    withCursor.Report($"duplicate relation with '{with}': already listed at line {firstLine}.", "one relation per other nation");
                }
                else
                {
                    seen[with] = withCursor.Line;
                    context.References.Use(Entity.Nation, with, withCursor);
                }
            }

            relations.Add(new RelationDefinition(
                with ?? "",
                relation.Optional("trust")?.Integer(0, 100) ?? ScenarioDefaults.Trust,
                relation.Optional("tension")?.Integer(0, 100) ?? ScenarioDefaults.Tension));
        }

        return relations.ToImmutable();
    }
}
