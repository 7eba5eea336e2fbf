using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A draft is on the table under <paramref name="Rule"/> (snapshot of the charter's rule), open until <paramref name="Deadline"/>.</summary>
[EventType("alliance.draft-tabled"), GenerateSerializer, Alias("Alliances.DraftTabled"), Immutable]
public sealed record DraftTabled(
    string DraftId,
    string Member,
    DraftProposal Proposal,
    DecisionRule Rule,
    string RuleNote,
    DateTimeOffset TabledAt,
    DateTimeOffset Deadline) : DomainEvent;

[EventType("alliance.vote-cast"), GenerateSerializer, Alias("Alliances.VoteCast"), Immutable]
public sealed record VoteCast(string DraftId, string Member, VoteChoice Choice, string? Reason, DateTimeOffset At) : DomainEvent;

[EventType("alliance.silence-broken"), GenerateSerializer, Alias("Alliances.SilenceBroken"), Immutable]
public sealed record SilenceBroken(string DraftId, string Member, string Reason, DateTimeOffset At) : DomainEvent;

[EventType("alliance.draft-withdrawn"), GenerateSerializer, Alias("Alliances.DraftWithdrawn"), Immutable]
public sealed record DraftWithdrawn(string DraftId, string Member, DateTimeOffset At) : DomainEvent;

/// <summary>The draft passed or failed under its rule; the tally it was decided on goes with it.</summary>
[EventType("alliance.draft-decided"), GenerateSerializer, Alias("Alliances.DraftDecided"), Immutable]
public sealed record DraftDecided(string DraftId, DraftResult Result) : DomainEvent;
