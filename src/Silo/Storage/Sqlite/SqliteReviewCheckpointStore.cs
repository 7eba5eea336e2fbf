using CrisisGrid.Grains.Review.Checkpoints;
using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The review's checkpoints in the same SQLite file as the event log (table <c>review_checkpoints</c>). Writes use a
/// pooled connection beside the log's group-commit writer; SQLite's busy timeout queues them behind its commits.
/// </summary>
public sealed class SqliteReviewCheckpointStore(string databasePath) : IReviewCheckpointStore
{
    private readonly SqliteDatabase _database = new(databasePath);

    public async Task SaveAsync(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        ArgumentNullException.ThrowIfNull(checkpoints);
        await using var connection = _database.OpenPooled();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.ReplacesEarlier)
            {
                await using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM review_checkpoints WHERE exercise_id = $exercise_id AND kind = $kind AND sequence < $sequence;";
                Bind(delete, exerciseId, checkpoint);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT OR REPLACE INTO review_checkpoints (exercise_id, kind, sequence, format, payload) VALUES ($exercise_id, $kind, $sequence, $format, $payload);";
            Bind(insert, exerciseId, checkpoint);
            insert.Parameters.AddWithValue("$format", checkpoint.Format);
            insert.Parameters.AddWithValue("$payload", checkpoint.Payload);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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

    private static void Bind(SqliteCommand command, string exerciseId, ReviewCheckpoint checkpoint)
    {
        command.Parameters.AddWithValue("$exercise_id", exerciseId);
        command.Parameters.AddWithValue("$kind", checkpoint.Kind);
        command.Parameters.AddWithValue("$sequence", checkpoint.Sequence);
    }
}
