using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The writer's three statements, prepared once on its dedicated connection and rebound for every append: the version
/// check, the exercise's last sequence and the insert.
/// </summary>
internal sealed class SqliteAppendStatements : IDisposable
{
    private readonly SqliteCommand _streamVersion;
    private readonly SqliteCommand _lastSequence;
    private readonly SqliteCommand _insert;

    public SqliteAppendStatements(SqliteConnection connection)
    {
        _streamVersion = Create(
            connection,
            "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE exercise_id = $exercise_id AND stream = $stream;",
            "$exercise_id",
            "$stream");
        _lastSequence = Create(
            connection,
            "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE exercise_id = $exercise_id;",
            "$exercise_id");
        _insert = Create(
            connection,
            """
            INSERT INTO events (exercise_id, sequence, stream, stream_version, type, payload, audience, command_id, recorded_at)
            VALUES ($exercise_id, $sequence, $stream, $stream_version, $type, $payload, $audience, $command_id, $recorded_at);
            """,
            "$exercise_id",
            "$sequence",
            "$stream",
            "$stream_version",
            "$type",
            "$payload",
            "$audience",
            "$command_id",
            "$recorded_at");
    }

    /// <summary>Commands must name the connection's open transaction; called once per batch.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        _streamVersion.Transaction = transaction;
        _lastSequence.Transaction = transaction;
        _insert.Transaction = transaction;
    }

    public long StreamVersion(string exerciseId, string stream)
    {
        _streamVersion.Parameters[0].Value = exerciseId;
        _streamVersion.Parameters[1].Value = stream;
        return (long)_streamVersion.ExecuteScalar()!;
    }

    public long LastSequence(string exerciseId)
    {
        _lastSequence.Parameters[0].Value = exerciseId;
        return (long)_lastSequence.ExecuteScalar()!;
    }

    public void Insert(AppendRequest request, StoredEvent stored, long sequence, long streamVersion, string recordedAt)
    {
        var p = _insert.Parameters;
        p[0].Value = request.ExerciseId;
        p[1].Value = sequence;
        p[2].Value = request.Stream;
        p[3].Value = streamVersion;
        p[4].Value = stored.Type;
        p[5].Value = stored.Payload;
        p[6].Value = stored.Audience;
        p[7].Value = (object?)request.CommandId ?? DBNull.Value;
        p[8].Value = recordedAt;
        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _streamVersion.Dispose();
        _lastSequence.Dispose();
        _insert.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
