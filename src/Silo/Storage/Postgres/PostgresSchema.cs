using Npgsql;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations; the <c>schema_version</c> table records how many have run.
/// A later change appends a migration, never edits one that has shipped. Tables are created unqualified, so a
/// connection string's <c>Search Path</c> chooses the schema (tests use a schema of their own).
/// </summary>
internal static class PostgresSchema
{
    // Any fixed number: silos starting together take this transaction-scoped lock so exactly one of them migrates.
    private const long MigrationLockKey = 0x4372697369734772; // "CrisisGr"

    private static readonly string[] Migrations =
    [
        // 1: the event log (with each exercise's head sequence) and the reminder table.
        """
        CREATE TABLE exercise_heads (
            exercise_id   text   PRIMARY KEY,
            last_sequence bigint NOT NULL
        );

        CREATE TABLE events (
            exercise_id    text        NOT NULL,
            sequence       bigint      NOT NULL,
            stream         text        NOT NULL,
            stream_version bigint      NOT NULL,
            type           text        NOT NULL,
            -- json, not jsonb: keeps the text exactly as written and accepts every string System.Text.Json emits
            -- (jsonb rejects \u0000), while still offering the JSON operators to ad-hoc queries.
            payload        json        NOT NULL,
            audience       json        NOT NULL,
            command_id     text        NULL,
            recorded_at    timestamptz NOT NULL,
            -- Reading an exercise range.
            CONSTRAINT events_pkey PRIMARY KEY (exercise_id, sequence),
            -- Reading one stream in version order, and the constraint that makes a version taken twice impossible.
            CONSTRAINT events_stream_version_key UNIQUE (exercise_id, stream, stream_version)
        );

        CREATE TABLE reminders (
            grain_type    text        NOT NULL,
            grain_key     text        NOT NULL,
            reminder_name text        NOT NULL,
            start_at      timestamptz NOT NULL,
            period_ticks  bigint      NOT NULL,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        """,

        // 2: the review's checkpoints, derived from the log (src/Grains/Review/Checkpoints): the feed's latest
        // projection and the world every 1,024 events, so a long exercise is not refolded from its first event.
        """
        CREATE TABLE review_checkpoints (
            exercise_id text   NOT NULL,
            kind        text   NOT NULL,
            sequence    bigint NOT NULL,
            format      text   NOT NULL,
            payload     bytea  NOT NULL,
            PRIMARY KEY (exercise_id, kind, sequence)
        );
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Migrate(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey});");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);");

        using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, transaction);
        var current = (int)read.ExecuteScalar()!;
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"PostgreSQL database '{connection.Database}' has CrisisGrid schema version {current}, newer than this build understands ({LatestVersion}). Run a newer CrisisGrid.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            Execute(connection, transaction, Migrations[version - 1]);
        }

        if (current < LatestVersion)
        {
            Execute(connection, transaction, $"DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({LatestVersion});");
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
