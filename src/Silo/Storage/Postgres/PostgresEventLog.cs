using CrisisGrid.Grains.Events;
using Npgsql;
using NpgsqlTypes;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>
/// The shared-deployment event log. Each append is one transaction: it bumps the exercise's row in
/// <c>exercise_heads</c> (which locks it until commit, so the writers of one exercise queue there while other exercises
/// proceed in parallel), checks the stream version under that lock and inserts the events. PostgreSQL's own group
/// commit amortises the fsyncs of concurrent transactions.
/// </summary>
public sealed class PostgresEventLog : IEventLog
{
    private const string SelectColumns =
        "SELECT exercise_id, sequence, stream, stream_version, recorded_at, command_id, type, payload, audience FROM events";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    /// <summary>Creates or migrates the schema, then serves appends and reads. The data source stays the caller's.</summary>
    public PostgresEventLog(NpgsqlDataSource dataSource, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = dataSource;
        _time = time;
        PostgresSchema.Migrate(dataSource);
    }

    public async Task<IReadOnlyList<RecordedEvent>> AppendAsync(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = StorageArguments.ValidateAppend(exerciseId, stream, expectedVersion, commandId, events);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var (lastSequence, actualVersion) = await ReserveSequences(connection, transaction, exerciseId, stream, stored.Count, cancellationToken)
            .ConfigureAwait(false);
        if (actualVersion != expectedVersion)
        {
            // Disposing the transaction rolls back the head bump: nothing is written.
            throw new EventLogConcurrencyException(exerciseId, stream, expectedVersion, actualVersion);
        }

        var firstSequence = lastSequence - stored.Count + 1;
        var recordedAt = StorageTime.Now(_time);
        try
        {
            await Insert(connection, transaction, exerciseId, stream, commandId, stored, firstSequence, expectedVersion, recordedAt, cancellationToken)
                .ConfigureAwait(false);

            // Not cancellable: once the COMMIT is sent the caller must learn its outcome, so a cancelled task keeps
            // meaning "not written".
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "events_stream_version_key" })
        {
            // Unreachable while every writer goes through the head lock; kept so a writer that does not still gets
            // the contract's exception rather than a raw constraint error.
            throw new EventLogConcurrencyException(
                $"Stream '{stream}' of exercise '{exerciseId}' moved past version {expectedVersion}: another writer appended first.", ex);
        }

        return [.. stored.Select((e, i) => new RecordedEvent(
            exerciseId, firstSequence + i, stream, expectedVersion + i + 1, recordedAt, commandId, e.Pending.Audience, e.Pending.Event))];
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string exerciseId, string stream, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return ReadAsync(
            $"{SelectColumns} WHERE exercise_id = $1 AND stream = $2 ORDER BY stream_version;",
            [new() { Value = exerciseId }, new() { Value = stream }],
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
            $"{SelectColumns} WHERE exercise_id = $1 AND sequence > $2 AND sequence <= $3 ORDER BY sequence LIMIT $4;",
            [
                new() { Value = exerciseId },
                new() { Value = afterSequence },
                new() { Value = upToSequence ?? long.MaxValue },
                new() { Value = (long)maxCount },
            ],
            cancellationToken);
    }

    public async Task<long> GetLastSequenceAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateExerciseId(exerciseId);

        // The head row is only ever committed together with the events it counts, so it is the last sequence.
        await using var command = _dataSource.CreateCommand("SELECT COALESCE(MAX(last_sequence), 0) FROM exercise_heads WHERE exercise_id = $1;");
        command.Parameters.Add(new() { Value = exerciseId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // One round trip: bump the exercise head (taking its row lock) and then, under that lock, read the stream's
    // version. Under READ COMMITTED the second statement takes a fresh snapshot after the lock is granted, so it sees
    // everything the previous holder committed: the check is authoritative across processes.
    private static async Task<(long LastSequence, long ActualVersion)> ReserveSequences(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string exerciseId,
        string stream,
        int count,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO exercise_heads (exercise_id, last_sequence) VALUES ($1, $2)
                    ON CONFLICT (exercise_id) DO UPDATE SET last_sequence = exercise_heads.last_sequence + EXCLUDED.last_sequence
                    RETURNING last_sequence;
                    """)
                {
                    Parameters = { new() { Value = exerciseId }, new() { Value = (long)count } },
                },
                new NpgsqlBatchCommand("SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE exercise_id = $1 AND stream = $2;")
                {
                    Parameters = { new() { Value = exerciseId }, new() { Value = stream } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var lastSequence = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var actualVersion = reader.GetInt64(0);
        return (lastSequence, actualVersion);
    }

    // All events of the append in one statement, whatever their number: the arrays are unnested with their ordinal.
    private static async Task Insert(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string exerciseId,
        string stream,
        string? commandId,
        IReadOnlyList<StoredEvent> stored,
        long firstSequence,
        long expectedVersion,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO events (exercise_id, sequence, stream, stream_version, type, payload, audience, command_id, recorded_at)
            SELECT $1, $2 + e.ordinality - 1, $3, $4 + e.ordinality, e.type, e.payload::json, e.audience::json, $5, $6
            FROM unnest($7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS e(type, payload, audience, ordinality);
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = exerciseId },
                new() { Value = firstSequence },
                new() { Value = stream },
                new() { Value = expectedVersion },
                new() { Value = (object?)commandId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = recordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = stored.Select(e => e.Type).ToArray() },
                new() { Value = stored.Select(e => e.Payload).ToArray() },
                new() { Value = stored.Select(e => e.Audience).ToArray() },
            },
        };
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(StoredEvent.Read(
                exerciseId: reader.GetString(0),
                sequence: reader.GetInt64(1),
                stream: reader.GetString(2),
                streamVersion: reader.GetInt64(3),
                recordedAt: reader.GetFieldValue<DateTimeOffset>(4),
                commandId: reader.IsDBNull(5) ? null : reader.GetString(5),
                type: reader.GetString(6),
                payload: reader.GetString(7),
                audience: reader.GetString(8)));
        }

        return events;
    }
}
