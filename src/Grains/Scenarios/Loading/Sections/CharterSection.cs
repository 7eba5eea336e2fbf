using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>charter:</c> — the articles, consultation terms, a decision rule per kind of decision, and the withdrawal
/// notice. Every part is optional; a charter left out entirely is <see cref="Default"/>. Durations are real time.
/// </summary>
internal static class CharterSection
{
    private static readonly string[] Keys = ["articles", "consultation", "decisionRules", "withdrawalNotice"];
    private static readonly string[] ArticleKeys = ["id", "kind", "title", "text"];
    private static readonly string[] ConsultationKeys = ["conveneWithin", "positionsDueWithin"];
    private static readonly string[] DecisionKindKeys = [.. EnumText.Names<DecisionKind>()];
    private static readonly string[] RuleKeys = ["rule", "deadline", "threshold", "weights", "quorum"];
    private static readonly string[] QualifiedMajorityOnlyKeys = ["threshold", "weights"];

    public static Charter Default { get; } = new(
        [],
        new ConsultationTerms(ScenarioDefaults.ConveneWithin, ScenarioDefaults.PositionsDueWithin),
        ImmutableDictionary<DecisionKind, DecisionRule>.Empty,
        ScenarioDefaults.WithdrawalNotice);

    public static Charter Read(NodeCursor node, string alliance, IReadOnlyList<string> members)
    {
        if (node.Mapping(Keys) is not { } charter)
        {
            return Default;
        }

        return new Charter(
            charter.Optional("articles") is { } articles ? ReadArticles(articles) : [],
            charter.Optional("consultation") is { } consultation ? ReadConsultation(consultation) : Default.Consultation,
            charter.Optional("decisionRules") is { } rules ? ReadRules(rules, alliance, members) : Default.DecisionRules,
            charter.Optional("withdrawalNotice")?.Duration(DurationRule.Positive) ?? ScenarioDefaults.WithdrawalNotice);
    }

    private static ImmutableArray<CharterArticle> ReadArticles(NodeCursor node)
    {
        if (node.Sequence("a list of articles, each with id, kind, title and text") is not { } items)
        {
            return [];
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var articles = ImmutableArray.CreateBuilder<CharterArticle>();
        foreach (var item in items)
        {
            if (item.Mapping(ArticleKeys) is not { } article)
            {
                continue;
            }

            var idCursor = article.Required("id", Identifiers.IdAllowed);
            var id = idCursor?.Matching(Identifiers.Id(), Identifiers.IdAllowed);
            if (idCursor is not null && id is not null && !firstLine.TryAdd(id, idCursor.Line))
            {
                idCursor.Report($"duplicate article id '{id}': already used at line {firstLine[id]}.", "each article id once per charter");
            }

            articles.Add(new CharterArticle(
                id ?? "",
                article.Required("kind", EnumText.Allowed<ArticleKind>())?.Enum<ArticleKind>("article kind") ?? default,
                article.Required("title")?.Text() ?? "",
                article.Required("text")?.Text() ?? ""));
        }

        return articles.ToImmutable();
    }

    private static ConsultationTerms ReadConsultation(NodeCursor node)
    {
        if (node.Mapping(ConsultationKeys) is not { } terms)
        {
            return Default.Consultation;
        }

        return new ConsultationTerms(
            terms.Optional("conveneWithin")?.Duration(DurationRule.Positive) ?? ScenarioDefaults.ConveneWithin,
            terms.Optional("positionsDueWithin")?.Duration(DurationRule.Positive) ?? ScenarioDefaults.PositionsDueWithin);
    }

    private static ImmutableDictionary<DecisionKind, DecisionRule> ReadRules(NodeCursor node, string alliance, IReadOnlyList<string> members)
    {
        if (node.Mapping(DecisionKindKeys) is not { } rules)
        {
            return Default.DecisionRules;
        }

        var result = ImmutableDictionary.CreateBuilder<DecisionKind, DecisionRule>();
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            if (rules.Optional(EnumText.Name(kind)) is { } ruleNode && ReadRule(ruleNode, alliance, members) is { } rule)
            {
                result[kind] = rule;
            }
        }

        return result.ToImmutable();
    }

    private static DecisionRule? ReadRule(NodeCursor node, string alliance, IReadOnlyList<string> members)
    {
        if (node.Mapping(RuleKeys) is not { } rule)
        {
            return null;
        }

        var kind = rule.Required("rule", EnumText.Allowed<DecisionRuleKind>())?.Enum<DecisionRuleKind>("decision rule");
        var (realTime, inPlay) = rule.Optional("deadline") is { } given ? PhaseDeadlineText.Read(given) : (null, null);
        var deadline = realTime ?? ScenarioDefaults.DecisionDeadline;
        var quorum = rule.Optional("quorum")?.Fraction();

        // Threshold and weights only mean something to a qualified majority; elsewhere they would be silently ignored.
        double? threshold = null;
        ImmutableDictionary<string, int>? weights = null;
        if (kind == DecisionRuleKind.QualifiedMajority)
        {
            threshold = rule.Required("threshold", "a number greater than 0 and at most 1, such as 0.66")?.Fraction();
            weights = rule.Optional("weights") is { } w ? ReadWeights(w, alliance, members) : null;
        }
        else if (kind is not null)
        {
            foreach (var key in QualifiedMajorityOnlyKeys.Where(rule.Has))
            {
                rule.KeyOf(key).Report($"'{key}' applies only to rule: qualifiedMajority, not {EnumText.Name(kind.Value)}.", "remove it, or use rule: qualifiedMajority");
            }
        }

        return new DecisionRule(kind ?? default, deadline, threshold, weights, quorum, inPlay);
    }

    private static ImmutableDictionary<string, int> ReadWeights(NodeCursor node, string alliance, IReadOnlyList<string> members)
    {
        var allowed = $"members of {alliance} ({string.Join(", ", members)}), each with a positive integer weight";
        if (node.OpenMapping(allowed) is not { } entries)
        {
            return ImmutableDictionary<string, int>.Empty;
        }

        var weights = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (key, member, value) in entries)
        {
            if (!members.Contains(member))
            {
                key.Report($"'{member}' is not a member of {alliance}.{Suggestions.DidYouMean(member, members)}", allowed);
                continue;
            }

            if (value.Integer(1, 1000) is { } weight)
            {
                weights[member] = weight;
            }
        }

        return weights.ToImmutable();
    }
}
