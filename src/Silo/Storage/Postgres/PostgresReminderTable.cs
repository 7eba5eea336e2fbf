using CrisisGrid.Silo.Reminders;
using Npgsql;
using NpgsqlTypes;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>Reminder registrations in PostgreSQL; each call is one autocommit statement, durable on return.</summary>
public sealed class PostgresReminderTable : IReminderTable
{
    private const string SelectColumns = "SELECT grain_type, grain_key, reminder_name, start_at, period_ticks FROM reminders";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates or migrates the schema. The data source stays the caller's.</summary>
    public PostgresReminderTable(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        PostgresSchema.Migrate(dataSource);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"{SelectColumns} ORDER BY grain_type, grain_key, reminder_name;", [], cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateGrainId(grainId);
        return ReadAsync(
            $"{SelectColumns} WHERE grain_type = $1 AND grain_key = $2 ORDER BY reminder_name;",
            [new() { Value = grainId.Type }, new() { Value = grainId.Key }],
            cancellationToken);
    }

    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateReminder(entry);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period_ticks)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (grain_type, grain_key, reminder_name)
            DO UPDATE SET start_at = EXCLUDED.start_at, period_ticks = EXCLUDED.period_ticks;
            """);
        command.Parameters.Add(new() { Value = entry.GrainId.Type });
        command.Parameters.Add(new() { Value = entry.GrainId.Key });
        command.Parameters.Add(new() { Value = entry.ReminderName });
        command.Parameters.Add(new() { Value = StorageTime.ToStoredPrecision(entry.StartAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = entry.Period.Ticks });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateGrainId(grainId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3;");
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        command.Parameters.Add(new() { Value = reminderName });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReminderEntry>> ReadAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                TimeSpan.FromTicks(reader.GetInt64(4))));
        }

        return entries;
    }
}
