using CrisisGrid.Grains.Review.Checkpoints;
using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The review's checkpoints in the same SQLite file as the event log (table <c>review_checkpoints</c>). Writes go
/// through the log's single writer (see <see cref="SqliteGroupCommitWriter"/>); reads use pooled connections.
/// </summary>
public sealed class SqliteReviewCheckpointStore : IReviewCheckpointStore, IAsyncDisposable
{
    private readonly SqliteEventLog _log;
    private readonly SqliteDatabase _database;
    private readonly bool _ownsLog;

    /// <summary>Checkpoints written by <paramref name="log"/>'s writer, in its file (the silo's arrangement).</summary>
    public SqliteReviewCheckpointStore(SqliteEventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        (_log, _database, _ownsLog) = (log, new SqliteDatabase(log.DatabasePath), false);
    }

    /// <summary>A store on its own (tools and tests): it opens the file's event log for its writer.</summary>
    public SqliteReviewCheckpointStore(string databasePath)
    {
        _log = new SqliteEventLog(databasePath, TimeProvider.System);
        (_database, _ownsLog) = (new SqliteDatabase(_log.DatabasePath), true);
    }

    public Task SaveAsync(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        ArgumentNullException.ThrowIfNull(checkpoints);
        cancellationToken.ThrowIfCancellationRequested();
        return _log.WriteCheckpointsAsync(exerciseId, checkpoints, cancellationToken);
    }

    public async Task<ReviewCheckpoint?> LoadLatestAsync(string exerciseId, string kind, long atOrBefore, string format, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT sequence, payload FROM review_checkpoints WHERE exercise_id = $exercise_id AND kind = $kind AND sequence <= $at AND format = $format ORDER BY sequence DESC LIMIT 1;";
        command.Parameters.AddWithValue("$exercise_id", exerciseId);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$at", atOrBefore);
        command.Parameters.AddWithValue("$format", format);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ReviewCheckpoint(kind, reader.GetInt64(0), format, (byte[])reader.GetValue(1))
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsLog)
        {
            await _log.DisposeAsync().ConfigureAwait(false);
        }
    }
}
