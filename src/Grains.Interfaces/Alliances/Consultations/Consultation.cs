using System.Collections.Immutable;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Alias("Alliances.ConsultationStatus")]
public enum ConsultationStatus
{
    /// <summary>A member asked for consultations; the alliance has not convened yet.</summary>
    Requested,

    /// <summary>The alliance convened; members record positions until the positions deadline.</summary>
    Convened,

    /// <summary>The outcome is recorded.</summary>
    Concluded,
}

[GenerateSerializer, Alias("Alliances.ConvenedBy")]
public enum ConvenedBy
{
    /// <summary>A second member (not the one that asked).</summary>
    Member,

    /// <summary>Exercise control, as chair.</summary>
    ExerciseControl,

    /// <summary>Nobody convened in time: the charter's convene-by deadline convened it.</summary>
    CharterDeadline,
}

[GenerateSerializer, Alias("Alliances.PositionKind")]
public enum PositionKind
{
    Support,
    Oppose,
    Abstain,

    /// <summary>A statement in the member's own words, neither support nor opposition.</summary>
    Statement,
}

[GenerateSerializer, Alias("Alliances.ConsultationPosition"), Immutable]
public sealed record ConsultationPosition(string Member, PositionKind Kind, string? Text, DateTimeOffset At);

/// <summary>The tally when the consultation concluded; <see cref="Silent"/> are members that recorded no position.</summary>
[GenerateSerializer, Alias("Alliances.ConsultationOutcome"), Immutable]
public sealed record ConsultationOutcome(
    DateTimeOffset At,
    bool Early,
    int Support,
    int Oppose,
    int Abstain,
    int Statements,
    ImmutableArray<string> Silent);

/// <summary>
/// An Art. 4 consultation. <see cref="Notified"/> are the members in good standing when it was requested: every one
/// of them was told, and every one of them (while still in good standing) owes a position.
/// </summary>
[GenerateSerializer, Alias("Alliances.Consultation"), Immutable]
public sealed record Consultation(
    string Id,
    string RequestedBy,
    string? InjectId,
    string? Threat,
    DateTimeOffset RequestedAt,
    DateTimeOffset ConveneBy,
    ImmutableArray<string> Notified,
    ConsultationStatus Status,
    ConvenedBy? ConvenedBy,
    string? ConvenedByMember,
    DateTimeOffset? ConvenedAt,
    DateTimeOffset? PositionsDue,
    ImmutableSortedDictionary<string, ConsultationPosition> Positions,
    ConsultationOutcome? Outcome);
