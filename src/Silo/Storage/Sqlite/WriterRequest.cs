namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// Work for the single writer (<see cref="SqliteGroupCommitWriter"/>): every write to the file goes through it, so no
/// two connections of this process ever wait on SQLite's write lock for each other.
/// </summary>
internal abstract class WriterRequest(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Why this request failed (set inside the batch); null once it is written.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Tells the caller the outcome; called only after the batch's COMMIT returned (or failed).</summary>
    public abstract void Answer();
}

/// <summary>A writer request whose caller awaits a <typeparamref name="T"/>.</summary>
internal abstract class WriterRequest<T>(CancellationToken cancellationToken) : WriterRequest(cancellationToken)
{
    // Continuations run asynchronously so the caller's code (a grain turn) never runs on the writer loop's thread.
    public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the caller gets once the batch committed without a <see cref="WriterRequest.Failure"/>.</summary>
    protected abstract T Result { get; }

    public override void Answer()
    {
        switch (Failure)
        {
            case null:
                Completion.TrySetResult(Result);
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
