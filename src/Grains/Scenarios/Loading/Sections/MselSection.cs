using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>msel:</c> — the master scenario events list. Each inject has an id, title and kind; a schedule
/// (<c>at: {turn: N}</c> or <c>at: {time: PT30H}</c>, and/or <c>when:</c> a condition; neither means exercise control
/// releases it by hand); targets for its private brief; effects; triggers; and optional public news.
/// </summary>
internal static class MselSection
{
    private static readonly string[] Keys = ["id", "title", "kind", "at", "when", "targets", "brief", "effects", "triggers", "news"];
    private static readonly string[] AtKeys = ["turn", "time"];
    private static readonly string[] TargetKeys = ["nations", "teams"];
    private const string AtAllowed = "turn: N (N of at least 1) or time: an ISO 8601 duration from the clock start, such as PT30H";
    private const string TargetsAllowed = "all, or a mapping with nations and/or teams (lists of codes and team ids)";

    public static ImmutableArray<InjectDefinition> Read(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of injects") is not { } items)
        {
            return [];
        }

        return [.. items.Select(item => ReadInject(item, context)).OfType<InjectDefinition>()];
    }

    private static InjectDefinition? ReadInject(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(Keys) is not { } inject)
        {
            return null;
        }

        var idCursor = inject.Required("id", Identifiers.IdAllowed);
        var id = idCursor?.Matching(Identifiers.Id(), Identifiers.IdAllowed);
        if (idCursor is not null && id is not null)
        {
            context.References.Declare(Entity.Inject, id, idCursor);
        }

        return new InjectDefinition(
            id ?? "",
            inject.Required("title")?.Text() ?? "",
            inject.Required("kind", EnumText.Allowed<InjectKind>())?.Enum<InjectKind>("inject kind") ?? default,
            ReadSchedule(inject, context),
            inject.Optional("targets") is { } targets ? ReadTargets(targets, context) : InjectTargets.Everyone,
            inject.Optional("effects") is { } effects ? EffectSection.Read(effects, context) : [],
            inject.Optional("triggers") is { } triggers ? TriggerSection.Read(triggers, id ?? "", context) : [],
            inject.Optional("news") is { } news ? EffectSection.ReadNews(news, context) : null,
            inject.Optional("brief")?.Text());
    }

    private static InjectSchedule ReadSchedule(MappingCursor inject, LoadContext context)
    {
        int? turn = null;
        TimeSpan? time = null;
        if (inject.Optional("at") is { } atNode
            && atNode.Mapping(AtKeys) is { } at
            && Choice.ExactlyOne(at, AtKeys, "'at'", AtAllowed) is { } key)
        {
            if (key == "turn")
            {
                turn = at.Optional("turn")!.Integer(1, int.MaxValue);
                if (turn > context.MaxTurns)
                {
                    at.Optional("turn")!.Report($"turn {turn} is after the last turn ({context.MaxTurns}), so the inject would never fire.", $"a turn from 1 to {context.MaxTurns} (clock.maxTurns)");
                }
            }
            else
            {
                time = at.Optional("time")!.Duration(DurationRule.NotNegative, "an ISO 8601 duration from the clock start, zero or more, such as PT30H or P2D");
            }
        }

        var when = inject.Optional("when") is { } whenNode ? ConditionSection.Read(whenNode, context) : null;

        // The model defines "time and condition" (first turn start at or after the time at which the condition
        // holds) but not "turn and condition"; the condition tree says that directly with turn: {atLeast: N}.
        if (turn is not null && inject.Has("when"))
        {
            inject.KeyOf("when").Report("an inject scheduled at a turn cannot also have a condition.", "at: {time: …} with when, or put turn: {atLeast: N} inside when");
        }

        return new InjectSchedule(turn, time, when);
    }

    private static InjectTargets ReadTargets(NodeCursor node, LoadContext context)
    {
        if (node.Node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            if (node.Text(TargetsAllowed) is { } text && text != "all")
            {
                node.Report($"'{text}' is not a target.", TargetsAllowed);
            }

            return InjectTargets.Everyone;
        }

        if (node.Mapping(TargetKeys) is not { } targets)
        {
            return InjectTargets.Everyone;
        }

        var nations = targets.Optional("nations") is { } n ? ReadIds(n, Entity.Nation, "a non-empty list of nation codes", context) : [];
        var teams = targets.Optional("teams") is { } t ? ReadIds(t, Entity.Team, "a non-empty list of team ids", context) : [];
        if (!targets.Has("nations") && !targets.Has("teams"))
        {
            node.Report("the targets name nobody.", TargetsAllowed);
        }

        return new InjectTargets(false, nations, teams);
    }

    private static ImmutableArray<string> ReadIds(NodeCursor node, Entity kind, string allowed, LoadContext context)
    {
        if (node.Sequence(allowed, nonEmpty: true) is not { } items)
        {
            return [];
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (item.Text(allowed) is not { } id)
            {
                continue;
            }

            if (ids.Contains(id))
            {
                item.Report($"'{id}' is listed twice.", "each target once");
                continue;
            }

            context.References.Use(kind, id, item);
            ids.Add(id);
        }

        return ids.ToImmutable();
    }
}
