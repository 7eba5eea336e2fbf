using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// After the exercise, exercise control showed teams the whole archive (ICONS does): teams may then read the review's
/// charts and replay as anyone. Until then a team replays only its own view, once the review is open.
/// </summary>
[EventType("exercise.archive-revealed"), GenerateSerializer, Immutable, Alias("Review.ArchiveRevealed")]
public sealed record ArchiveRevealed : DomainEvent;

/// <summary>Recorded in the original: exercise control started <paramref name="ForkId"/> from event <paramref name="AtSequence"/>.</summary>
[EventType("exercise.forked"), GenerateSerializer, Immutable, Alias("Review.ExerciseForked")]
public sealed record ExerciseForked(string ForkId, string ForkName, long AtSequence, long Seed) : DomainEvent;

/// <summary>
/// Recorded in a fork, right after the history it copied: it plays on from event <paramref name="AtSequence"/> of
/// <paramref name="SourceExerciseId"/>, with <paramref name="Seed"/> (a new seed restarts the random stream). The
/// fork starts paused, with the review closed, whatever the original was doing at that moment.
/// </summary>
[EventType("exercise.forked-from"), GenerateSerializer, Immutable, Alias("Review.ForkedFrom")]
public sealed record ForkedFrom(string SourceExerciseId, long AtSequence, string Name, long Seed) : DomainEvent;

/// <summary>
/// Stands in a fork's log for an event of the original that belongs to no game state (join codes and their
/// redemptions): the fork has codes of its own, and the placeholder keeps sequence numbers equal up to the fork.
/// </summary>
[EventType("exercise.history-omitted"), GenerateSerializer, Immutable, Alias("Review.HistoryOmitted")]
public sealed record HistoryOmitted(string Stream) : DomainEvent;
