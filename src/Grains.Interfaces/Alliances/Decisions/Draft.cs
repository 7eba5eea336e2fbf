using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Alias("Alliances.DraftStatus")]
public enum DraftStatus
{
    Open,
    Passed,
    Failed,

    /// <summary>Taken back by the member that tabled it before it was decided.</summary>
    Withdrawn,
}

[GenerateSerializer, Alias("Alliances.VoteChoice")]
public enum VoteChoice
{
    Yes,

    /// <summary>Under consensus a "no" is an objection.</summary>
    No,
    Abstain,
}

[GenerateSerializer, Alias("Alliances.Ballot"), Immutable]
public sealed record Ballot(string Member, VoteChoice Choice, string? Reason, DateTimeOffset At);

/// <summary>A member broke silence on a draft under the silence procedure, with its reason.</summary>
[GenerateSerializer, Alias("Alliances.SilenceBreak"), Immutable]
public sealed record SilenceBreak(string Member, string Reason, DateTimeOffset At);

/// <summary>
/// The count a decision was made on, kept with the decision so anyone can check it against the rule:
/// the eligible members at that moment, their votes, and the weights (qualified majority).
/// </summary>
[GenerateSerializer, Alias("Alliances.DecisionTally"), Immutable]
public sealed record DecisionTally(
    ImmutableArray<string> Eligible,
    ImmutableSortedDictionary<string, VoteChoice> Votes,
    int YesWeight,
    int TotalWeight,
    string? SilenceBrokenBy);

[GenerateSerializer, Alias("Alliances.DraftResult"), Immutable]
public sealed record DraftResult(DraftStatus Status, DateTimeOffset At, string Reason, DecisionTally Tally);

/// <summary>
/// A draft decision. <see cref="Rule"/> is a snapshot of the charter's rule when it was tabled (a rule fixed for
/// the whole vote); <see cref="RuleNote"/> says where the rule came from.
/// </summary>
[GenerateSerializer, Alias("Alliances.Draft"), Immutable]
public sealed record Draft(
    string Id,
    DraftProposal Proposal,
    string TabledBy,
    DecisionRule Rule,
    string RuleNote,
    DateTimeOffset TabledAt,
    DateTimeOffset Deadline,
    DraftStatus Status,
    ImmutableSortedDictionary<string, Ballot> Votes,
    SilenceBreak? SilenceBreak,
    DraftResult? Result,
    DateTimeOffset? WithdrawnAt)
{
    public DecisionKind Kind => Proposal.Kind;

    public bool IsOpen => Status == DraftStatus.Open;
}
