using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.World;

/// <summary>The exercise as everyone may see it: the clock, the teams, the scenario's public description.</summary>
[GenerateSerializer, Alias("World.ExerciseView"), Immutable]
public sealed record ExerciseView(
    string ExerciseId,
    string Name,
    string ScenarioId,
    string ScenarioTitle,
    string ScenarioDescription,
    ExerciseStatus Status,
    int Turn,
    int? MaxTurns,
    TurnPhase Phase,
    DateTimeOffset? DeadlineAt,
    TimeSpan? PausedRemaining,
    DateTimeOffset? SimulatedTime,
    TimeSpan TurnDuration,
    ImmutableArray<TeamAssignment> Teams,
    bool ReviewOpen,
    string? EndReason,
    ExerciseControlView? Control);

/// <summary>What only exercise control sees: the MSEL and its progress, the seed, outcomes, undelivered changes.</summary>
[GenerateSerializer, Alias("World.ExerciseControlView"), Immutable]
public sealed record ExerciseControlView(
    ImmutableArray<MselEntry> Msel,
    long Seed,
    long Draws,
    ImmutableArray<Outcome> Outcomes,
    int PendingDeliveries);

[GenerateSerializer, Alias("World.MselEntry"), Immutable]
public sealed record MselEntry(InjectDefinition Inject, bool Released);
