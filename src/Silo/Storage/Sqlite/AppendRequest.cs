using CrisisGrid.Grains.Events;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>One caller's append, waiting in the writer's queue for the batch that commits it.</summary>
internal sealed class AppendRequest(
    string exerciseId,
    string stream,
    long expectedVersion,
    string? commandId,
    IReadOnlyList<StoredEvent> events,
    CancellationToken cancellationToken) : WriterRequest<IReadOnlyList<RecordedEvent>>(cancellationToken)
{
    public string ExerciseId { get; } = exerciseId;

    public string Stream { get; } = stream;

    public long ExpectedVersion { get; } = expectedVersion;

    public string? CommandId { get; } = commandId;

    public IReadOnlyList<StoredEvent> Events { get; } = events;

    /// <summary>What the batch decided for this request; applied to <see cref="Completion"/> only after the commit.</summary>
    public IReadOnlyList<RecordedEvent>? Recorded { get; set; }

    protected override IReadOnlyList<RecordedEvent> Result => Recorded!;
}
