using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>alliances:</c> — code, name, type, members and charter. The type fixes how many members there may be
/// (DOMAIN.md: bilateral two, multilateral three or more, regional partnership two or more).
/// </summary>
internal static class AllianceSection
{
    private static readonly string[] Keys = ["code", "name", "type", "members", "charter"];

    public static ImmutableArray<AllianceDefinition> Read(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of alliances, each with code, name, type, members and charter") is not { } items)
        {
            return [];
        }

        return [.. items.Select(item => ReadAlliance(item, context)).OfType<AllianceDefinition>()];
    }

    private static AllianceDefinition? ReadAlliance(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(Keys) is not { } alliance)
        {
            return null;
        }

        var codeCursor = alliance.Required("code", Identifiers.CodeAllowed);
        var code = codeCursor?.Matching(Identifiers.Code(), Identifiers.CodeAllowed);
        if (codeCursor is not null && code is not null)
        {
            context.References.Declare(Entity.Alliance, code, codeCursor);
        }

        var type = alliance.Required("type", EnumText.Allowed<AllianceType>())?.Enum<AllianceType>("alliance type");
        var members = alliance.Required("members", "a list of nation codes") is { } m ? ReadMembers(m, type, context) : [];
        if (code is not null)
        {
            context.AllianceMembers[code] = members;
        }

        var charter = alliance.Optional("charter") is { } c
            ? CharterSection.Read(c, code ?? "", members)
            : CharterSection.Default;

        return new AllianceDefinition(code ?? "", alliance.Required("name")?.Text() ?? "", type ?? default, members, charter);
    }

    private static ImmutableArray<string> ReadMembers(NodeCursor node, AllianceType? type, LoadContext context)
    {
        if (node.Sequence("a list of nation codes") is not { } items)
        {
            return [];
        }

        var members = ImmutableArray.CreateBuilder<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Text("a nation code") is not { } member)
            {
                continue;
            }

            if (firstLine.TryGetValue(member, out var line))
            {
                item.Report($"'{member}' is already a member (line {line}).", "each member once");
                continue;
            }

            firstLine[member] = item.Line;
            context.References.Use(Entity.Nation, member, item);
            members.Add(member);
        }

        var (min, max, rule) = type switch
        {
            AllianceType.Bilateral => (2, 2, "a bilateral alliance has exactly 2 members"),
            AllianceType.Multilateral => (3, int.MaxValue, "a multilateral alliance has 3 or more members"),
            AllianceType.RegionalPartnership => (2, int.MaxValue, "a regional partnership has 2 or more members"),
            _ => (1, int.MaxValue, ""),
        };

        // Only counted when every entry was readable: a duplicate or a bad entry is already reported on its own line.
        if (type is not null && members.Count == items.Count && (members.Count < min || members.Count > max))
        {
            node.Report($"{members.Count} member{(members.Count == 1 ? "" : "s")} for a {EnumText.Name(type.Value)} alliance.", rule);
        }

        return members.ToImmutable();
    }
}
