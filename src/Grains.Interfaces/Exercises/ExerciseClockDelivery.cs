using CrisisGrid.Grains.Alliances;

namespace CrisisGrid.Grains.Exercises;

/// <summary>Tell an alliance the exercise's clock changed (started, phase, paused, resumed, ended), so it follows one clock.</summary>
[GenerateSerializer, Immutable, Alias("Exercises.ExerciseClockDelivery")]
public sealed record ExerciseClockDelivery(string DeliveryId, string Alliance, FollowExerciseClock Change) : Delivery(DeliveryId);
