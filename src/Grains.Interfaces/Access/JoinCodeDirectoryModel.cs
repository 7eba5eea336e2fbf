using CrisisGrid.Grains.Events;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Access;

[EventType("access.join-code-registered"), GenerateSerializer, Alias("Access.JoinCodeRegistered"), Immutable]
public sealed record JoinCodeRegistered(string ExerciseId) : DomainEvent;

[GenerateSerializer, Alias("Access.JoinCodeLocation"), Immutable]
public sealed record JoinCodeLocation(string? ExerciseId);
