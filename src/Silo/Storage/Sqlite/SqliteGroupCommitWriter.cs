using System.Threading.Channels;
using CrisisGrid.Grains.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The single writer of one <see cref="SqliteEventLog"/>: group commit. Every commit costs an fsync (milliseconds), so
/// one transaction per append would cap the whole silo at a few hundred appends a second. Instead callers queue their
/// appends and this loop commits whatever has queued up in one transaction: while one batch is being fsynced the next
/// one fills, so batches grow with concurrency without any artificial delay, and a lone append commits at once.
/// </summary>
/// <remarks>
/// Each append is still checked on its own, inside the transaction and against the database (BEGIN IMMEDIATE holds
/// SQLite's write lock, so another process cannot slip in between the check and the insert). An append that fails
/// its check is rolled back to its savepoint and fails alone; the rest of its batch commits. Callers are answered
/// only after the COMMIT returns, so an acknowledged append is durable.
/// </remarks>
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    // Bounds one transaction's work so a flood of appends is acknowledged in steady slices rather than one huge commit.
    private const int MaxRequestsPerBatch = 256;

    private readonly Channel<WriterRequest> _queue =
        Channel.CreateUnbounded<WriterRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteAppendStatements _statements;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public SqliteGroupCommitWriter(SqliteDatabase database, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;

        // Opened here, not in the loop, so a database that cannot be opened fails the constructor, not every append.
        _connection = database.OpenDedicated();
        _statements = new SqliteAppendStatements(_connection);
        // Its own thread: every commit blocks in fsync for a millisecond or more, and on the thread pool that would hold
        // one of the few threads (two on a 2-core machine) that Orleans' grains and messaging run on.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public Task<T> Enqueue<T>(WriterRequest<T> request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteEventLog), "The event log has been disposed: it accepts no more writes.");
        }

        return request.Completion.Task;
    }

    /// <summary>Stops taking appends, commits every append already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            await _loop.ConfigureAwait(false);
            _statements.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Run()
    {
        var batch = new List<WriterRequest>(MaxRequestsPerBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxRequestsPerBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            CommitBatch(batch);
            foreach (var request in batch)
            {
                request.Answer();
            }

            batch.Clear();
        }
    }

    private void CommitBatch(List<WriterRequest> batch)
    {
        var recordedAt = StorageTime.Now(_time);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock now
            _statements.Enlist(transaction);
            foreach (var request in batch)
            {
                switch (request)
                {
                    case AppendRequest append:
                        AppendOne(transaction, append, recordedAt);
                        break;
                    case CheckpointWriteRequest checkpoints:
                        WriteCheckpoints(transaction, checkpoints);
                        break;
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Nothing of this batch was committed (disk full, I/O error, the other process held the lock too long):
            // every append in it fails with the cause, and the loop goes on with the next batch.
            _logger.LogError(ex, "Committing a batch of {Count} appends to the event log failed; none of them was written", batch.Count);
            foreach (var request in batch)
            {
                (request as AppendRequest)?.Recorded = null;
                request.Failure = ex;
            }
        }
    }

    private void AppendOne(SqliteTransaction transaction, AppendRequest request, DateTimeOffset recordedAt)
    {
        if (request.CancellationToken.IsCancellationRequested)
        {
            // Withdrawn before it was written: it is safe to tell the caller it did not happen.
            request.Failure = new OperationCanceledException(request.CancellationToken);
            return;
        }

        // Authoritative check: reads the database inside the write transaction, so it sees earlier appends of this
        // batch and everything the other process committed.
        var actual = _statements.StreamVersion(request.ExerciseId, request.Stream);
        if (actual != request.ExpectedVersion)
        {
            request.Failure = new EventLogConcurrencyException(request.ExerciseId, request.Stream, request.ExpectedVersion, actual);
            return;
        }

        var lastSequence = _statements.LastSequence(request.ExerciseId);
        var recordedAtText = SqliteTimestamps.Format(recordedAt);
        var recorded = new RecordedEvent[request.Events.Count];
        transaction.Save("append");
        try
        {
            for (var i = 0; i < recorded.Length; i++)
            {
                var stored = request.Events[i];
                var sequence = lastSequence + i + 1;
                var version = actual + i + 1;
                _statements.Insert(request, stored, sequence, version, recordedAtText);
                recorded[i] = new RecordedEvent(
                    request.ExerciseId,
                    sequence,
                    request.Stream,
                    version,
                    recordedAt,
                    request.CommandId,
                    stored.Pending.Audience,
                    stored.Pending.Event);
            }

            transaction.Release("append");
            request.Recorded = recorded;
        }
        catch (SqliteException ex)
        {
            // Undo this append's partial inserts only; the others in the batch stay.
            transaction.Rollback("append");
            transaction.Release("append");
            request.Failure = ex;
        }
    }

    private void WriteCheckpoints(SqliteTransaction transaction, CheckpointWriteRequest request)
    {
        // A cache of the log: it fails alone (rolled back to its savepoint) and never costs an append.
        transaction.Save("checkpoints");
        try
        {
            request.Write(_connection, transaction);
            transaction.Release("checkpoints");
        }
        catch (SqliteException ex)
        {
            transaction.Rollback("checkpoints");
            transaction.Release("checkpoints");
            request.Failure = ex;
        }
    }
}
