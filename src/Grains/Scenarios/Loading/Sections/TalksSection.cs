using System.Collections.Immutable;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>talks:</c> — standing negotiation talks, convened when the exercise is created — and the talks an inject opens
/// (<c>opensTalks:</c>, <c>goodOffices:</c>). Each: id, title, parties (nation or alliance codes, two or more),
/// an optional mediator (a nation that is no party) and whether the talks are secret. Party codes are checked once
/// the whole file is read (<see cref="CrossReferenceChecker"/>).
/// </summary>
internal static class TalksSection
{
    private static readonly string[] Keys = ["id", "title", "parties", "mediator", "secret"];
    private const string Shape = "a mapping with id, title, parties and optionally mediator and secret";

    public static ImmutableArray<TalksDefinition> ReadList(NodeCursor node, LoadContext context)
    {
        if (node.Sequence($"a list of talks, each {Shape}") is not { } items)
        {
            return [];
        }

        return [.. items.Select(item => Read(item, context, mediatorRequired: false)).OfType<TalksDefinition>()];
    }

    public static TalksDefinition? Read(NodeCursor node, LoadContext context, bool mediatorRequired)
    {
        if (node.Mapping(Keys) is not { } talks)
        {
            return null;
        }

        var idCursor = talks.Required("id", Identifiers.IdAllowed);
        var id = idCursor?.Matching(Identifiers.Id(), Identifiers.IdAllowed);
        if (idCursor is not null && id is not null)
        {
            context.References.Declare(Entity.Talks, id, idCursor);
        }

        var title = talks.Required("title")?.Text();
        var parties = talks.Required("parties", "a list of two or more nation or alliance codes") is { } p ? ReadParties(p, context) : [];
        var mediatorCursor = mediatorRequired
            ? talks.Required("mediator", "the code of the nation offering its good offices")
            : talks.Optional("mediator");
        var mediator = mediatorCursor?.Text();
        if (mediatorCursor is not null && mediator is not null)
        {
            context.References.Use(Entity.Nation, mediator, mediatorCursor);
        }

        var secret = talks.Optional("secret")?.Boolean() ?? false;
        if (id is null || title is null || parties.Length < 2)
        {
            return null;
        }

        var definition = new TalksDefinition(id, title, parties, mediator, secret);
        if (mediatorCursor is not null)
        {
            context.Mediators.Add((definition, mediatorCursor));
        }

        return definition;
    }

    private static ImmutableArray<string> ReadParties(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of two or more nation or alliance codes") is not { } items)
        {
            return [];
        }

        var parties = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (item.Text("a nation or alliance code") is not { } code)
            {
                continue;
            }

            if (parties.Contains(code))
            {
                item.Report($"'{code}' is already a party.", "each party once");
                continue;
            }

            parties.Add(code);
            context.TalksParties.Add((code, item));
        }

        if (parties.Count < 2 && parties.Count == items.Count)
        {
            node.Report($"{parties.Count} part{(parties.Count == 1 ? "y" : "ies")}; talks need at least two.", "two or more nation or alliance codes");
        }

        return parties.ToImmutable();
    }
}
