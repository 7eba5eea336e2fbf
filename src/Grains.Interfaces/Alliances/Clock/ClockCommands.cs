using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// The exercise's status, turn or phase changed at <paramref name="At"/> (wall clock). Sent by the exercise through
/// its outbox to every alliance, so alliances follow the one clock without calling the exercise.
/// </summary>
[GenerateSerializer, Immutable, Alias("Alliances.FollowExerciseClock")]
public sealed record FollowExerciseClock(ExerciseStatus Status, int Turn, TurnPhase Phase, DateTimeOffset At);
