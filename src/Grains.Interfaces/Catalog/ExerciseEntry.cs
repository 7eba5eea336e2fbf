using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Catalog;

/// <summary>What anyone may know about an exercise before joining it.</summary>
[GenerateSerializer, Alias("Catalog.ExerciseEntry"), Immutable]
public sealed record ExerciseEntry(
    string ExerciseId,
    string Name,
    string ScenarioId,
    string ScenarioTitle,
    DateTimeOffset CreatedAt,
    ExerciseStatus Status,
    int Turn,
    TurnPhase Phase);
