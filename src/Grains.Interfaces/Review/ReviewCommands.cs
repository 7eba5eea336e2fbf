namespace CrisisGrid.Grains.Review;

/// <summary>Exercise control starts <paramref name="ForkId"/> from event <paramref name="AtSequence"/> of this exercise.</summary>
[GenerateSerializer, Immutable, Alias("Review.ForkExercise")]
public sealed record ForkExercise(string ForkId, long AtSequence, string? Name = null, long? Seed = null);

/// <summary>Sent by the original to the fork's exercise grain: copy the history and play on from it.</summary>
[GenerateSerializer, Immutable, Alias("Review.CreateFork")]
public sealed record CreateFork(string SourceExerciseId, long AtSequence, string Name, long Seed);
