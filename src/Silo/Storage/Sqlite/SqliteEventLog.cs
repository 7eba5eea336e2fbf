using CrisisGrid.Grains.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The embedded event log: one SQLite file in WAL mode with <c>synchronous=FULL</c>. Appends go through a single
/// group-committing writer (<see cref="SqliteGroupCommitWriter"/>); reads use their own pooled connections, which WAL
/// lets run beside the writer. Several instances, in one process or several, may share a file: every version check
/// happens inside the write transaction.
/// </summary>
public sealed class SqliteEventLog : IEventLog, IAsyncDisposable, IDisposable
{
    private const string SelectColumns =
        "SELECT exercise_id, sequence, stream, stream_version, recorded_at, command_id, type, payload, audience FROM events";

    private readonly SqliteDatabase _database;
    private readonly SqliteGroupCommitWriter _writer;

    public SqliteEventLog(string databasePath, TimeProvider time, ILogger<SqliteEventLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _database = new SqliteDatabase(databasePath);
        _writer = new SqliteGroupCommitWriter(_database, time, logger ?? NullLogger<SqliteEventLog>.Instance);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.Path;

    public Task<IReadOnlyList<RecordedEvent>> AppendAsync(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = StorageArguments.ValidateAppend(exerciseId, stream, expectedVersion, commandId, events);

        // Cancellation is honoured until the writer takes the append into a transaction; after that the append
        // completes, so a cancelled task always means "not written".
        return _writer.Enqueue(new AppendRequest(exerciseId, stream, expectedVersion, commandId, stored, cancellationToken));
    }

    /// <summary>Review checkpoints, written by this log's single writer in its next batch (see <see cref="SqliteReviewCheckpointStore"/>).</summary>
    internal Task WriteCheckpointsAsync(string exerciseId, IReadOnlyList<Grains.Review.Checkpoints.ReviewCheckpoint> checkpoints, CancellationToken cancellationToken) =>
        _writer.Enqueue(new CheckpointWriteRequest(exerciseId, checkpoints, cancellationToken));

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string exerciseId, string stream, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return ReadAsync(
            $"{SelectColumns} WHERE exercise_id = $exercise_id AND stream = $stream ORDER BY stream_version;",
            command =>
            {
                command.Parameters.AddWithValue("$exercise_id", exerciseId);
                command.Parameters.AddWithValue("$stream", stream);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadExerciseAsync(
        string exerciseId,
        long afterSequence = 0,
        long? upToSequence = null,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateRange(exerciseId, afterSequence, upToSequence, maxCount);
        return ReadAsync(
            $"{SelectColumns} WHERE exercise_id = $exercise_id AND sequence > $after AND sequence <= $up_to ORDER BY sequence LIMIT $max;",
            command =>
            {
                command.Parameters.AddWithValue("$exercise_id", exerciseId);
                command.Parameters.AddWithValue("$after", afterSequence);
                command.Parameters.AddWithValue("$up_to", upToSequence ?? long.MaxValue);
                command.Parameters.AddWithValue("$max", maxCount);
            },
            cancellationToken);
    }

    public async Task<long> GetLastSequenceAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE exercise_id = $exercise_id;";
        command.Parameters.AddWithValue("$exercise_id", exerciseId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Commits every append already accepted, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _database.ClearPool();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Microsoft.Data.Sqlite has no asynchronous I/O (its async methods complete synchronously), so reads run on the
    // caller's thread; they are index range scans, short next to the writer's fsync.
    private async Task<IReadOnlyList<RecordedEvent>> ReadAsync(
        string sql,
        Action<SqliteCommand> bind,
        CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(StoredEvent.Read(
                exerciseId: reader.GetString(0),
                sequence: reader.GetInt64(1),
                stream: reader.GetString(2),
                streamVersion: reader.GetInt64(3),
                recordedAt: SqliteTimestamps.Parse(reader.GetString(4)),
                commandId: reader.IsDBNull(5) ? null : reader.GetString(5),
                type: reader.GetString(6),
                payload: reader.GetString(7),
                audience: reader.GetString(8)));
        }

        return events;
    }
}
