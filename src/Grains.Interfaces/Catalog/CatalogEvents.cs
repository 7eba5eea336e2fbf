using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Catalog;

[EventType("catalog.exercise-listed"), GenerateSerializer, Alias("Catalog.ExerciseListed"), Immutable]
public sealed record ExerciseListed(string ExerciseId, string Name, string ScenarioId, string ScenarioTitle, DateTimeOffset CreatedAt) : DomainEvent;

[EventType("catalog.exercise-status-changed"), GenerateSerializer, Alias("Catalog.ExerciseStatusChanged"), Immutable]
public sealed record ExerciseStatusChanged(string ExerciseId, ExerciseStatus Status, int Turn, TurnPhase Phase) : DomainEvent;
