using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table in the same SQLite file as the event log, for the embedded single silo: a deadline that
/// falls while the server is down still fires after a restart (Orleans' in-memory table would lose it). Each call is
/// one autocommit statement with <c>synchronous=FULL</c>, so a registration is durable when the task completes.
/// Hand-written because Orleans ships no SQLite provider; clusters use Orleans' ADO.NET table on PostgreSQL.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IDisposable
{
    private const string SelectColumns = "SELECT grain_id, reminder_name, start_at, period_ticks, etag FROM orleans_reminders";

    private readonly SqliteDatabase _database;

    public SqliteReminderTable(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
    }

    public string DatabasePath => _database.Path;

    public Task Init() => Task.CompletedTask;

    public async Task<ReminderTableData> ReadRows(GrainId grainId) => new(await Read(
        $"{SelectColumns} WHERE grain_id = $grain_id;",
        c => c.Parameters.AddWithValue("$grain_id", grainId.ToString())));

    /// <summary>Rows whose grain hash is in (begin, end], or outside (end, begin] when the range wraps around the ring.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end) => new(await Read(
        begin < end
            ? $"{SelectColumns} WHERE grain_hash > $begin AND grain_hash <= $end;"
            : $"{SelectColumns} WHERE grain_hash > $begin OR grain_hash <= $end;",
        c =>
        {
            c.Parameters.AddWithValue("$begin", (long)begin);
            c.Parameters.AddWithValue("$end", (long)end);
        }));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => (await Read(
        $"{SelectColumns} WHERE grain_id = $grain_id AND reminder_name = $name;",
        c =>
        {
            c.Parameters.AddWithValue("$grain_id", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        })).SingleOrDefault();

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ReminderName, nameof(entry));
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO orleans_reminders (grain_id, reminder_name, grain_hash, start_at, period_ticks, etag)
            VALUES ($grain_id, $name, $hash, $start_at, $period, $etag)
            ON CONFLICT (grain_id, reminder_name)
            DO UPDATE SET start_at = excluded.start_at, period_ticks = excluded.period_ticks, etag = excluded.etag;
            """;
        command.Parameters.AddWithValue("$grain_id", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$name", entry.ReminderName);
        command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("$start_at", SqliteTimestamps.Format(new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc))));
        command.Parameters.AddWithValue("$period", entry.Period.Ticks);
        command.Parameters.AddWithValue("$etag", etag);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders WHERE grain_id = $grain_id AND reminder_name = $name AND etag = $etag;";
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", eTag);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders;";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Closes idle pooled connections to the file.</summary>
    public void Dispose() => _database.ClearPool();

    private async Task<List<ReminderEntry>> Read(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = _database.OpenPooled();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = SqliteTimestamps.Parse(reader.GetString(2)).UtcDateTime,
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }
}
