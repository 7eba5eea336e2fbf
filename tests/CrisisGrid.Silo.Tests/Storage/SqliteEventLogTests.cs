using CrisisGrid.Grains.Events;
using CrisisGrid.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static CrisisGrid.Silo.Tests.Storage.TestEvents;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>The event log contract on SQLite, plus what only the embedded log has: its file, its writer, its disposal.</summary>
public sealed class SqliteEventLogTests : EventLogContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crisisgrid-test-").FullName;

    private string DatabasePath => Path.Combine(_directory, "crisisgrid.db");

    protected override Task CreateStoreAsync() => Task.CompletedTask;

    protected override Task DeleteStoreAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override IEventLog CreateLog() => new SqliteEventLog(DatabasePath, Time);

    [Fact]
    public async Task The_file_is_created_in_WAL_mode_at_the_current_schema_version()
    {
        OpenLog();

        await using var connection = OpenRaw();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(
            ["events", "events_by_stream", "orleans_reminders", "orleans_reminders_by_hash", "review_checkpoints"],
            Strings(connection, "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name;"));
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused_with_a_clear_error()
    {
        OpenLog();
        using (var connection = OpenRaw())
        {
            Execute(connection, $"PRAGMA user_version = {SqliteSchema.LatestVersion + 1};");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteEventLog(DatabasePath, Time));
        Assert.Contains($"schema version {SqliteSchema.LatestVersion + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appends_queued_behind_a_locked_database_commit_together_and_only_the_conflicting_one_fails()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();

        // Another connection (another process, say) holds the write lock, so the writer blocks on its first batch
        // and every later append queues up: they are certain to share the next transaction.
        await using var blocker = OpenRaw();
        await using var lockHeld = blocker.BeginTransaction(deferred: false);
        var first = log.AppendAsync(exercise, "first", 0, null, News("first"));
        // Not synchronisation: the writer exposes no signal for "took the first batch", and every assertion below holds
        // whether the queued appends join the first batch or the next one (both are one transaction behind the lock,
        // in order). The pause only makes the queued-behind-the-lock case the one usually exercised.
        await Task.Delay(200);
        var queued = Enumerable.Range(0, 20).Select(i => log.AppendAsync(exercise, $"s{i}", 0, null, News($"q{i}"))).ToList();
        var conflicting = log.AppendAsync(exercise, "s3", 0, null, News("conflict"));
        queued.AddRange(Enumerable.Range(20, 20).Select(i => log.AppendAsync(exercise, $"s{i}", 0, null, News($"q{i}"))));
        Assert.False(first.IsCompleted);
        await lockHeld.RollbackAsync();

        await first;
        var recorded = await Task.WhenAll(queued);
        var conflict = await Assert.ThrowsAsync<EventLogConcurrencyException>(() => conflicting);
        Assert.Equal(("s3", 0L, 1L), (conflict.Stream, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(Enumerable.Range(2, 40).Select(i => (long)i), recorded.Select(r => r.Single().Sequence));
        Assert.Equal(41, await log.GetLastSequenceAsync(exercise));
    }

    [Fact]
    public async Task Disposing_commits_every_append_already_accepted_and_refuses_later_ones()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        var pending = Enumerable.Range(0, 100).Select(i => log.AppendAsync(exercise, $"s{i}", 0, null, News($"e{i}"))).ToList();

        await CloseAsync(log);

        Assert.All(pending, t => Assert.True(t.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync(exercise, "late", 0, null, News("late")));
        Assert.Equal(100, await OpenLog().GetLastSequenceAsync(exercise));
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
