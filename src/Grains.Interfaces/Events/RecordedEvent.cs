namespace CrisisGrid.Grains.Events;

/// <summary>An event the rules decided on, with the audience that may see it, before it is persisted.</summary>
[GenerateSerializer, Alias("Events.PendingEvent"), Immutable]
public sealed record PendingEvent(DomainEvent Event, Audience Audience);

/// <summary>
/// One entry of an exercise's ordered log. <see cref="Sequence"/> is dense and strictly increasing per exercise
/// (1, 2, 3, …) across all streams; <see cref="StreamVersion"/> is dense per stream and is what optimistic
/// concurrency checks.
/// </summary>
[GenerateSerializer, Alias("Events.RecordedEvent"), Immutable]
public sealed record RecordedEvent(
    string ExerciseId,
    long Sequence,
    string Stream,
    long StreamVersion,
    DateTimeOffset RecordedAt,
    string? CommandId,
    Audience Audience,
    DomainEvent Event);
