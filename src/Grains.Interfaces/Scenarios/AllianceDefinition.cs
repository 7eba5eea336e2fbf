using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios;

[GenerateSerializer, Alias("Scenarios.AllianceType")]
public enum AllianceType
{
    /// <summary>Exactly two states, e.g. a mutual-defence treaty.</summary>
    Bilateral,

    /// <summary>Three or more states, NATO-like.</summary>
    Multilateral,

    /// <summary>A region's security council: two or more states, looser obligations.</summary>
    RegionalPartnership,
}

[GenerateSerializer, Alias("Scenarios.AllianceDefinition"), Immutable]
public sealed record AllianceDefinition(
    string Code,
    string Name,
    AllianceType Type,
    ImmutableArray<string> Members,
    Charter Charter);

/// <summary>
/// The articles an alliance grain enforces: how consultation works, which decision rule each kind of decision
/// follows, and the notice period for withdrawal. Durations are real time (exercise participants answer in minutes).
/// </summary>
[GenerateSerializer, Alias("Scenarios.Charter"), Immutable]
public sealed record Charter(
    ImmutableArray<CharterArticle> Articles,
    ConsultationTerms Consultation,
    ImmutableDictionary<DecisionKind, DecisionRule> DecisionRules,
    TimeSpan WithdrawalNotice)
{
    /// <summary>The rule for <paramref name="kind"/>: its own entry, else the charter's default, else consensus.</summary>
    public DecisionRule RuleFor(DecisionKind kind) =>
        DecisionRules.TryGetValue(kind, out var rule) ? rule
        : DecisionRules.TryGetValue(DecisionKind.Default, out var fallback) ? fallback
        : DecisionRule.DefaultConsensus;
}

[GenerateSerializer, Alias("Scenarios.ArticleKind")]
public enum ArticleKind
{
    Consultation,
    CollectiveDefence,
    DecisionMaking,
    Membership,
    BurdenSharing,
    IntelligenceSharing,
    Other,
}

[GenerateSerializer, Alias("Scenarios.CharterArticle"), Immutable]
public sealed record CharterArticle(string Id, ArticleKind Kind, string Title, string Text);

/// <summary>The alliance must convene within <see cref="ConveneWithin"/>; members record positions within <see cref="PositionsDueWithin"/>.</summary>
[GenerateSerializer, Alias("Scenarios.ConsultationTerms"), Immutable]
public sealed record ConsultationTerms(TimeSpan ConveneWithin, TimeSpan PositionsDueWithin);

[GenerateSerializer, Alias("Scenarios.DecisionKind")]
public enum DecisionKind
{
    /// <summary>The charter's fallback rule for kinds it does not list.</summary>
    Default,
    CollectiveDefence,
    JointDeployment,
    CollectiveStatement,
    Admission,
    Suspension,
}

[GenerateSerializer, Alias("Scenarios.DecisionRuleKind")]
public enum DecisionRuleKind
{
    /// <summary>Passes unless a member objects.</summary>
    Consensus,

    /// <summary>Every member votes yes.</summary>
    Unanimity,

    /// <summary>Yes votes (optionally weighted) reach <see cref="DecisionRule.Threshold"/> of the total.</summary>
    QualifiedMajority,

    /// <summary>Passes at the deadline unless a member breaks silence before it.</summary>
    SilenceProcedure,
}

/// <summary>
/// A decision rule with its parameters. <see cref="Threshold"/> is a fraction (0–1] of the total weight, for
/// qualified majority; <see cref="Weights"/> maps members to votes (missing members weigh 1); <see cref="Quorum"/> is
/// the fraction of members that must take part; <see cref="Deadline"/> is how long voting stays open.
/// </summary>
[GenerateSerializer, Alias("Scenarios.DecisionRule"), Immutable]
public sealed record DecisionRule(
    DecisionRuleKind Kind,
    TimeSpan Deadline,
    double? Threshold = null,
    ImmutableDictionary<string, int>? Weights = null,
    double? Quorum = null)
{
    public static DecisionRule DefaultConsensus { get; } = new(DecisionRuleKind.Consensus, TimeSpan.FromMinutes(30));
}
