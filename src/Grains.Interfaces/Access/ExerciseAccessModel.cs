using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Access;

/// <summary>A role a join code grants: exercise control, a nation's team, or an observer.</summary>
[GenerateSerializer, Alias("Access.JoinGrant"), Immutable]
public sealed record JoinGrant(ParticipantRole Role, string? Nation)
{
    public Participant ToParticipant() => new(Role, Nation);
}

[GenerateSerializer, Alias("Access.IssueJoinCode"), Immutable]
public sealed record IssueJoinCode(ParticipantRole Role, string? Nation = null, string? Label = null);

[GenerateSerializer, Alias("Access.RevokeJoinCode"), Immutable]
public sealed record RevokeJoinCode(string CodeId);

/// <summary>What exercise control sees of a code (never the code itself: only its hash is kept).</summary>
[GenerateSerializer, Alias("Access.JoinCodeInfo"), Immutable]
public sealed record JoinCodeInfo(string CodeId, JoinGrant Grant, string Label, bool Revoked, int Redemptions);

[GenerateSerializer, Alias("Access.ExerciseAccessState"), Immutable]
public sealed record ExerciseAccessState(ImmutableSortedDictionary<string, JoinCodeInfo> Codes, ImmutableDictionary<string, string> CodeIdsByHash)
{
    public static ExerciseAccessState Empty { get; } = new(
        ImmutableSortedDictionary<string, JoinCodeInfo>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));
}

[EventType("access.join-code-issued"), GenerateSerializer, Alias("Access.JoinCodeIssued"), Immutable]
public sealed record JoinCodeIssued(string CodeId, JoinGrant Grant, string Label, string CodeHash) : DomainEvent;

[EventType("access.join-code-revoked"), GenerateSerializer, Alias("Access.JoinCodeRevoked"), Immutable]
public sealed record JoinCodeRevoked(string CodeId) : DomainEvent;

[EventType("access.join-code-redeemed"), GenerateSerializer, Alias("Access.JoinCodeRedeemed"), Immutable]
public sealed record JoinCodeRedeemed(string CodeId) : DomainEvent;
