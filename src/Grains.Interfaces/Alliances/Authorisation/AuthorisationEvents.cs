using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A member tried an alliance-flagged action that no passed decision authorised; its order was refused.</summary>
[EventType("alliance.unauthorised-attempt-recorded"), GenerateSerializer, Alias("Alliances.UnauthorisedAttemptRecorded"), Immutable]
public sealed record UnauthorisedAttemptRecorded(string Member, DecisionKind Kind, string? Subject, string Description, DateTimeOffset At) : DomainEvent;
