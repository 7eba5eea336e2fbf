using CrisisGrid.Grains.Review.Checkpoints;
using Npgsql;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>The review's checkpoints in the same PostgreSQL database as the event log (table <c>review_checkpoints</c>).</summary>
public sealed class PostgresReviewCheckpointStore : IReviewCheckpointStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates or migrates the schema (the same one as the log's). The data source stays the caller's.</summary>
    public PostgresReviewCheckpointStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        PostgresSchema.Migrate(dataSource);
    }

    public async Task SaveAsync(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        ArgumentNullException.ThrowIfNull(checkpoints);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.ReplacesEarlier)
            {
                await using var delete = new NpgsqlCommand(
                    "DELETE FROM review_checkpoints WHERE exercise_id = @exercise_id AND kind = @kind AND sequence < @sequence;", connection, transaction);
                Bind(delete, exerciseId, checkpoint);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO review_checkpoints (exercise_id, kind, sequence, format, payload) VALUES (@exercise_id, @kind, @sequence, @format, @payload)
                ON CONFLICT (exercise_id, kind, sequence) DO UPDATE SET format = excluded.format, payload = excluded.payload;
                """,
                connection,
                transaction);
            Bind(insert, exerciseId, checkpoint);
            insert.Parameters.AddWithValue("format", checkpoint.Format);
            insert.Parameters.AddWithValue("payload", checkpoint.Payload);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReviewCheckpoint?> LoadLatestAsync(string exerciseId, string kind, long atOrBefore, string format, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, payload FROM review_checkpoints WHERE exercise_id = @exercise_id AND kind = @kind AND sequence <= @at AND format = @format ORDER BY sequence DESC LIMIT 1;",
            connection);
        command.Parameters.AddWithValue("exercise_id", exerciseId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("at", atOrBefore);
        command.Parameters.AddWithValue("format", format);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ReviewCheckpoint(kind, reader.GetInt64(0), format, (byte[])reader.GetValue(1))
            : null;
    }

    private static void Bind(NpgsqlCommand command, string exerciseId, ReviewCheckpoint checkpoint)
    {
        command.Parameters.AddWithValue("exercise_id", exerciseId);
        command.Parameters.AddWithValue("kind", checkpoint.Kind);
        command.Parameters.AddWithValue("sequence", checkpoint.Sequence);
    }
}
