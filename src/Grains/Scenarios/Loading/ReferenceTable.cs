namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>The things a scenario declares and other parts refer to by id or code.</summary>
internal enum Entity
{
    Nation,
    Team,
    Alliance,
    Inject,
    Talks,
}

/// <summary>
/// Declarations (reporting duplicates as they come) and uses (checked at the end, once every section has declared
/// what it has, so a team may name a nation declared further down the file).
/// </summary>
internal sealed class ReferenceTable
{
    private readonly Dictionary<Entity, Dictionary<string, NodeCursor>> _declared = new()
    {
        [Entity.Nation] = new(StringComparer.Ordinal),
        [Entity.Team] = new(StringComparer.Ordinal),
        [Entity.Alliance] = new(StringComparer.Ordinal),
        [Entity.Inject] = new(StringComparer.Ordinal),
        [Entity.Talks] = new(StringComparer.Ordinal),
    };

    private readonly List<(Entity Kind, string Id, NodeCursor Where)> _uses = [];

    public void Declare(Entity kind, string id, NodeCursor where)
    {
        if (_declared[kind].TryGetValue(id, out var first))
        {
            where.Report($"duplicate {Noun(kind)} '{id}': already used at line {first.Line}.", $"each {Noun(kind)} once");
            return;
        }

        _declared[kind][id] = where;
    }

    public bool IsDeclared(Entity kind, string id) => _declared[kind].ContainsKey(id);

    public void Use(Entity kind, string id, NodeCursor where) => _uses.Add((kind, id, where));

    /// <summary>Reports every use of an id nobody declared, suggesting the closest declared one.</summary>
    public void ReportUnknown()
    {
        foreach (var (kind, id, where) in _uses)
        {
            if (!IsDeclared(kind, id))
            {
                var known = _declared[kind].Keys;
                var allowed = known.Count == 0
                    ? $"{Article(kind)} {Noun(kind)} declared under {Section(kind)} (none are declared)"
                    : $"{Article(kind)} {Noun(kind)} declared under {Section(kind)}: {string.Join(", ", known)}";
                where.Report($"unknown {Word(kind)} '{id}'.{Suggestions.DidYouMean(id, known)}", allowed);
            }
        }
    }

    private static string Article(Entity kind) => kind is Entity.Alliance or Entity.Inject ? "an" : "a";

    private static string Word(Entity kind) => kind switch
    {
        Entity.Nation => "nation",
        Entity.Team => "team",
        Entity.Alliance => "alliance",
        Entity.Talks => "talks",
        _ => "inject",
    };

    private static string Noun(Entity kind) => kind switch
    {
        Entity.Nation => "nation code",
        Entity.Team => "team id",
        Entity.Alliance => "alliance code",
        Entity.Talks => "talks id",
        _ => "inject id",
    };

    private static string Section(Entity kind) => kind switch
    {
        Entity.Nation => "nations",
        Entity.Team => "teams",
        Entity.Alliance => "alliances",
        Entity.Talks => "talks",
        _ => "msel",
    };
}
