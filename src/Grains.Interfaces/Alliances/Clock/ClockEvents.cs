using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>The alliance took note of the exercise's clock: running, paused (deadlines stand still) or ended (no more acts).</summary>
[EventType("alliance.exercise-clock-followed"), GenerateSerializer, Immutable, Alias("Alliances.ExerciseClockFollowed")]
public sealed record ExerciseClockFollowed(ExerciseStatus Status, int Turn, TurnPhase Phase, DateTimeOffset At) : DomainEvent;
