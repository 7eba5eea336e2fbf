using CrisisGrid.Grains.Review.Checkpoints;
using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>One exercise's review checkpoints, written by the log's single writer inside its next batch.</summary>
internal sealed class CheckpointWriteRequest(string exerciseId, IReadOnlyList<ReviewCheckpoint> checkpoints, CancellationToken cancellationToken)
    : WriterRequest<bool>(cancellationToken)
{
    protected override bool Result => true;

    public void Write(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.ReplacesEarlier)
            {
                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM review_checkpoints WHERE exercise_id = $exercise_id AND kind = $kind AND sequence < $sequence;";
                Bind(delete, checkpoint);
                delete.ExecuteNonQuery();
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT OR REPLACE INTO review_checkpoints (exercise_id, kind, sequence, format, payload) VALUES ($exercise_id, $kind, $sequence, $format, $payload);";
            Bind(insert, checkpoint);
            insert.Parameters.AddWithValue("$format", checkpoint.Format);
            insert.Parameters.AddWithValue("$payload", checkpoint.Payload);
            insert.ExecuteNonQuery();
        }
    }

    private void Bind(SqliteCommand command, ReviewCheckpoint checkpoint)
    {
        command.Parameters.AddWithValue("$exercise_id", exerciseId);
        command.Parameters.AddWithValue("$kind", checkpoint.Kind);
        command.Parameters.AddWithValue("$sequence", checkpoint.Sequence);
    }
}
