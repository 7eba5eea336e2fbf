using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary><c>teams:</c> — the delegations that play nations. Who may play which nation is checked in <see cref="CrossReferenceChecker"/>.</summary>
internal static class TeamSection
{
    private static readonly string[] Keys = ["id", "name", "nation"];

    public static ImmutableArray<TeamDefinition> Read(NodeCursor node, LoadContext context)
    {
        if (node.Sequence("a list of teams, each with id, name and nation") is not { } items)
        {
            return [];
        }

        var teams = ImmutableArray.CreateBuilder<TeamDefinition>();
        foreach (var item in items)
        {
            if (item.Mapping(Keys) is not { } team)
            {
                continue;
            }

            var idCursor = team.Required("id", Identifiers.IdAllowed);
            var id = idCursor?.Matching(Identifiers.Id(), Identifiers.IdAllowed);
            if (idCursor is not null && id is not null)
            {
                context.References.Declare(Entity.Team, id, idCursor);
            }

            var nationCursor = team.Required("nation", "the code of the nation the team plays");
            var nation = nationCursor?.Text();
            if (nationCursor is not null && nation is not null)
            {
                context.References.Use(Entity.Nation, nation, nationCursor);
                context.Teams.Add((id ?? "", nation, nationCursor));
            }

            teams.Add(new TeamDefinition(id ?? "", team.Required("name")?.Text() ?? "", nation ?? ""));
        }

        return teams.ToImmutable();
    }
}
