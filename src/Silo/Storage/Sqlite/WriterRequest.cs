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
