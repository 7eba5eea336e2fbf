namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// The checks that need the whole file read first: every reference names something declared; each nation is
/// played by exactly the right number of teams; a prompted consultation is in an alliance the nation belongs to;
/// release triggers do not chase each other in a circle.
/// </summary>
internal static class CrossReferenceChecker
{
    public static void Check(LoadContext context)
    {
        context.References.ReportUnknown();
        CheckWhoPlaysEachNation(context);
        CheckConsultationPrompts(context);
        CheckReleaseCycles(context);
        CheckTalks(context);
    }

    /// <summary>Talks' parties are nations or alliances; a mediator is neutral: no party, nor a member of an alliance party.</summary>
    private static void CheckTalks(LoadContext context)
    {
        var nations = context.Nations.Select(n => n.Code).ToList();
        var alliances = context.AllianceMembers.Keys.ToList();
        foreach (var (code, where) in context.TalksParties)
        {
            if (!context.References.IsDeclared(Entity.Nation, code) && !context.References.IsDeclared(Entity.Alliance, code))
            {
                where.Report($"unknown party '{code}'.{Suggestions.DidYouMean(code, nations.Concat(alliances))}",
                    $"a nation or alliance code: {string.Join(", ", nations.Concat(alliances))}");
            }
        }

        foreach (var (talks, where) in context.Mediators)
        {
            var mediator = talks.Mediator!;
            var party = talks.Parties.FirstOrDefault(p => p == mediator
                || (context.AllianceMembers.TryGetValue(p, out var members) && members.Contains(mediator)));
            if (party is not null)
            {
                where.Report(
                    party == mediator ? $"'{mediator}' is a party to talks '{talks.Id}' and cannot also mediate them." : $"'{mediator}' is a member of {party}, a party to talks '{talks.Id}', and cannot mediate them.",
                    "a nation that takes no part in the talks");
            }
        }
    }

    /// <summary>
    /// A team-controlled nation needs its one team; a nation exercise control plays has none. Without this a
    /// forgotten team would leave a nation nobody can move, found only once the exercise is running.
    /// </summary>
    private static void CheckWhoPlaysEachNation(LoadContext context)
    {
        var control = context.Nations.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Control, StringComparer.Ordinal);
        var playedBy = new Dictionary<string, (string Team, int Line)>(StringComparer.Ordinal);
        foreach (var (team, nation, where) in context.Teams)
        {
            if (!control.TryGetValue(nation, out var nationControl))
            {
                continue; // unknown nation: already reported
            }

            if (nationControl == NationControl.Facilitator)
            {
                where.Report($"nation '{nation}' is played by exercise control (control: facilitator), so no team can play it.", "a nation with control: team");
            }
            else if (playedBy.TryGetValue(nation, out var first))
            {
                where.Report($"nation '{nation}' already has a team ('{first.Team}', line {first.Line}); a nation has at most one team.", "one team per nation");
            }
            else
            {
                playedBy[nation] = (team, where.Line);
            }
        }

        // A team naming an unknown nation is most likely a misspelt code of the nation that now seems to have no
        // team; that problem is already reported, so do not report its echo.
        if (context.Teams.Exists(t => !control.ContainsKey(t.Nation)))
        {
            return;
        }

        foreach (var (code, nationControl, where) in context.Nations)
        {
            if (nationControl == NationControl.Team && !playedBy.ContainsKey(code) && context.Teams.TrueForAll(t => t.Nation != code))
            {
                where.Report($"nation '{code}' is played by a team (control: team, the default) but no team plays it.", $"add a team with nation: {code}, or set control: facilitator");
            }
        }
    }

    private static void CheckConsultationPrompts(LoadContext context)
    {
        foreach (var (nation, alliance, where) in context.ConsultationPrompts)
        {
            if (context.AllianceMembers.TryGetValue(alliance, out var members)
                && context.References.IsDeclared(Entity.Nation, nation)
                && !members.Contains(nation))
            {
                where.Report($"'{nation}' is not a member of {alliance}, so it cannot be prompted to consult it.", $"an alliance {nation} belongs to");
            }
        }
    }

    /// <summary>Depth-first search over release edges; each edge that closes a circle is reported once, with the circle spelt out.</summary>
    private static void CheckReleaseCycles(LoadContext context)
    {
        var edges = context.Releases.ToLookup(r => r.From, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new List<string>();

        void Visit(string inject)
        {
            onPath.Add(inject);
            foreach (var (_, to, where) in edges[inject])
            {
                var at = onPath.IndexOf(to);
                if (at >= 0)
                {
                    var circle = string.Join(" → ", onPath.Skip(at).Append(to));
                    where.Report($"releasing '{to}' here closes a cycle: {circle}.", "release chains that end");
                }
                else if (!done.Contains(to))
                {
                    Visit(to);
                }
            }

            onPath.RemoveAt(onPath.Count - 1);
            done.Add(inject);
        }

        foreach (var from in context.Releases.Select(r => r.From).Distinct())
        {
            if (!done.Contains(from))
            {
                Visit(from);
            }
        }
    }
}
