using CrisisGrid.Grains.Events;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>One caller's append, waiting in the writer's queue for the batch that commits it.</summary>
internal sealed class AppendRequest(
    string exerciseId,
    string stream,
    long expectedVersion,
    string? commandId,
    IReadOnlyList<StoredEvent> events,
    CancellationToken cancellationToken) : WriterRequest(cancellationToken)
{
    public string ExerciseId { get; } = exerciseId;

    public string Stream { get; } = stream;

    public long ExpectedVersion { get; } = expectedVersion;

    public string? CommandId { get; } = commandId;

    public IReadOnlyList<StoredEvent> Events { get; } = events;

    // Continuations run asynchronously so the caller's code (a grain turn) never runs on the writer loop's thread.
    public TaskCompletionSource<IReadOnlyList<RecordedEvent>> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the batch decided for this request; applied to <see cref="Completion"/> only after the commit.</summary>
    public IReadOnlyList<RecordedEvent>? Recorded { get; set; }

    public override void Answer()
    {
        switch (Failure)
        {
            case null:
                Completion.TrySetResult(Recorded!);
                break;
            case OperationCanceledException cancelled:
                Completion.TrySetCanceled(cancelled.CancellationToken);
                break;
            default:
                Completion.TrySetException(Failure);
                break;
        }
    }
}
