using CrisisGrid.Silo.Reminders;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// Reminder registrations in the same SQLite file as the event log. Each call is one autocommit statement on a
/// pooled connection with <c>synchronous=FULL</c>: a registration is durable when the task completes.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IDisposable
{
    private const string SelectColumns = "SELECT grain_type, grain_key, reminder_name, start_at, period_ticks FROM reminders";

    private readonly SqliteDatabase _database;

    public SqliteReminderTable(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
    }

    public string DatabasePath => _database.Path;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"{SelectColumns} ORDER BY grain_type, grain_key, reminder_name;", _ => { }, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateGrainId(grainId);
        return ReadAsync(
            $"{SelectColumns} WHERE grain_type = $grain_type AND grain_key = $grain_key ORDER BY reminder_name;",
            command =>
            {
                command.Parameters.AddWithValue("$grain_type", grainId.Type);
                command.Parameters.AddWithValue("$grain_key", grainId.Key);
            },
            cancellationToken);
    }

    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateReminder(entry);
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period_ticks)
            VALUES ($grain_type, $grain_key, $reminder_name, $start_at, $period_ticks)
            ON CONFLICT (grain_type, grain_key, reminder_name)
            DO UPDATE SET start_at = excluded.start_at, period_ticks = excluded.period_ticks;
            """;
        command.Parameters.AddWithValue("$grain_type", entry.GrainId.Type);
        command.Parameters.AddWithValue("$grain_key", entry.GrainId.Key);
        command.Parameters.AddWithValue("$reminder_name", entry.ReminderName);
        command.Parameters.AddWithValue("$start_at", SqliteTimestamps.Format(entry.StartAt));
        command.Parameters.AddWithValue("$period_ticks", entry.Period.Ticks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateGrainId(grainId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM reminders WHERE grain_type = $grain_type AND grain_key = $grain_key AND reminder_name = $reminder_name;";
        command.Parameters.AddWithValue("$grain_type", grainId.Type);
        command.Parameters.AddWithValue("$grain_key", grainId.Key);
        command.Parameters.AddWithValue("$reminder_name", reminderName);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes idle pooled connections to the file.</summary>
    public void Dispose() => _database.ClearPool();

    private async Task<IReadOnlyList<ReminderEntry>> ReadAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                SqliteTimestamps.Parse(reader.GetString(3)),
                TimeSpan.FromTicks(reader.GetInt64(4))));
        }

        return entries;
    }
}
