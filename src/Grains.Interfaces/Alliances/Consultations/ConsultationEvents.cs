using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A member requested consultations; every member in <paramref name="Notified"/> is told. The alliance must convene by <paramref name="ConveneBy"/>.</summary>
[EventType("alliance.consultation-requested"), GenerateSerializer, Alias("Alliances.ConsultationRequested"), Immutable]
public sealed record ConsultationRequested(
    string ConsultationId,
    string Member,
    string? InjectId,
    string? Threat,
    DateTimeOffset RequestedAt,
    DateTimeOffset ConveneBy,
    ImmutableArray<string> Notified) : DomainEvent;

/// <summary>The alliance convened (by a second member, exercise control, or the charter's deadline); positions are due by <paramref name="PositionsDue"/>.</summary>
[EventType("alliance.consultation-convened"), GenerateSerializer, Alias("Alliances.ConsultationConvened"), Immutable]
public sealed record ConsultationConvened(
    string ConsultationId,
    ConvenedBy By,
    string? Member,
    DateTimeOffset At,
    DateTimeOffset PositionsDue) : DomainEvent;

[EventType("alliance.position-recorded"), GenerateSerializer, Alias("Alliances.PositionRecorded"), Immutable]
public sealed record PositionRecorded(string ConsultationId, string Member, PositionKind Position, string? Text, DateTimeOffset At) : DomainEvent;

/// <summary>The consultation concluded with its tally; silent members are flagged.</summary>
[EventType("alliance.consultation-concluded"), GenerateSerializer, Alias("Alliances.ConsultationConcluded"), Immutable]
public sealed record ConsultationConcluded(string ConsultationId, ConsultationOutcome Outcome) : DomainEvent;
