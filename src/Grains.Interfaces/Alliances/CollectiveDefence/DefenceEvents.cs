using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A collective-defence decision passed: every member in <paramref name="Owing"/> owes a response by <paramref name="ResponsesDue"/>.</summary>
[EventType("alliance.collective-defence-invoked"), GenerateSerializer, Alias("Alliances.CollectiveDefenceInvoked"), Immutable]
public sealed record CollectiveDefenceInvoked(
    string InvocationId,
    string AttackId,
    string Attacker,
    string Victim,
    DateTimeOffset InvokedAt,
    DateTimeOffset ResponsesDue,
    ImmutableArray<string> Owing) : DomainEvent;

[EventType("alliance.defence-response-recorded"), GenerateSerializer, Alias("Alliances.DefenceResponseRecorded"), Immutable]
public sealed record DefenceResponseRecorded(string InvocationId, string Member, ResponseKind Kind, string Description, DateTimeOffset At) : DomainEvent;

/// <summary>Responses are closed (deadline, or everyone answered); members that gave none are free riders.</summary>
[EventType("alliance.defence-responses-closed"), GenerateSerializer, Alias("Alliances.DefenceResponsesClosed"), Immutable]
public sealed record DefenceResponsesClosed(string InvocationId, DateTimeOffset At, ImmutableArray<string> Responded, ImmutableArray<string> FreeRiders) : DomainEvent;
