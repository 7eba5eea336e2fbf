using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// The SQLite schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have run. A later
/// change appends a migration, never edits one that has shipped.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: the event log and the reminder table.
        """
        CREATE TABLE events (
            exercise_id    TEXT    NOT NULL,
            sequence       INTEGER NOT NULL,
            stream         TEXT    NOT NULL,
            stream_version INTEGER NOT NULL,
            type           TEXT    NOT NULL,
            payload        TEXT    NOT NULL,
            audience       TEXT    NOT NULL,
            command_id     TEXT    NULL,
            recorded_at    TEXT    NOT NULL,
            -- Clustered on (exercise, sequence): reading an exercise range is a range scan of the table itself.
            PRIMARY KEY (exercise_id, sequence)
        ) WITHOUT ROWID;

        -- Reading one stream in version order, and the constraint that makes a version taken twice impossible.
        CREATE UNIQUE INDEX events_by_stream ON events (exercise_id, stream, stream_version);

        CREATE TABLE reminders (
            grain_type    TEXT    NOT NULL,
            grain_key     TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            start_at      TEXT    NOT NULL,
            period_ticks  INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        ) WITHOUT ROWID;
        """,

        // 2: Orleans' reminder table (IReminderTable): one row per grain and reminder name, with the grain's uniform
        // hash so a silo reads the rows of its own range of the ring, and an etag for optimistic concurrency. The
        // table of version 1 belonged to the in-process host that Orleans replaced; nothing reads it any more.
        """
        DROP TABLE reminders;
        CREATE TABLE orleans_reminders (
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      TEXT    NOT NULL,
            period_ticks  INTEGER NOT NULL,
            etag          TEXT    NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (grain_hash);
        """,

        // 3: the review's checkpoints, derived from the log (src/Grains/Review/Checkpoints): the feed's latest
        // projection and the world every 1,024 events, so a long exercise is not refolded from its first event.
        // A rowid table, not WITHOUT ROWID: payloads are tens of KiB to MiB, which WITHOUT ROWID tables store badly.
        """
        CREATE TABLE review_checkpoints (
            exercise_id TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            sequence    INTEGER NOT NULL,
            format      TEXT    NOT NULL,
            payload     BLOB    NOT NULL,
            PRIMARY KEY (exercise_id, kind, sequence)
        );
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Migrate(SqliteDatabase database)
    {
        using var connection = database.OpenDedicated();

        // WAL: readers never block the writer and a commit appends to the log instead of rewriting pages. The mode
        // is stored in the file, so setting it once here covers every connection.
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = wal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite database '{database.Path}' could not switch to WAL journaling (mode is '{mode}').");
            }
        }

        // IMMEDIATE takes the write lock before reading the version, so two processes starting together migrate once.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = ReadVersion(connection, transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"SQLite database '{database.Path}' has schema version {current}, newer than this build understands ({LatestVersion}). Run a newer CrisisGrid.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = $"{Migrations[version - 1]}\nPRAGMA user_version = {version};";
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
