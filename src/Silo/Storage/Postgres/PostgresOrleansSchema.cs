using Npgsql;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>
/// The tables and stored queries Orleans' ADO.NET clustering and ADO.NET reminders read from PostgreSQL (invariant
/// <c>Npgsql</c>), kept in the embedded <c>OrleansClusterSchema.sql</c>. Orleans does not ship these scripts in its
/// packages and only reads them, so a cluster silo applies them before Orleans starts. The same text is in
/// <c>deploy/sql/orleans-postgres.sql</c> for operators who prefer to apply it by hand.
/// </summary>
/// <remarks>
/// Unlike <see cref="PostgresSchema"/> this is not a list of migrations: the script is idempotent (tables only created
/// when missing, query texts replaced), so running the current script is always the migration. A change that needs to
/// alter an existing table must add its own guarded statement to the script.
/// </remarks>
internal static class PostgresOrleansSchema
{
    /// <summary>The manifest name, fixed in the csproj so it does not depend on the folder layout.</summary>
    public const string ResourceName = "CrisisGrid.Silo.Storage.Postgres.OrleansClusterSchema.sql";

    // Silos starting together take this transaction-scoped lock, so one applies the script and the others then
    // apply a no-op. Without it two concurrent CREATE TABLE IF NOT EXISTS can still collide on the catalog.
    // Different from PostgresSchema's key: the two scripts may run at the same time without waiting on each other.
    private const long ApplyLockKey = 0x4372697347724f72; // "CrisGrOr"

    private static readonly Lazy<string> EmbeddedScript = new(ReadEmbeddedScript);

    /// <summary>The script's text, as embedded.</summary>
    public static string Script => EmbeddedScript.Value;

    /// <summary>
    /// Creates the Orleans clustering and reminder tables if missing and writes the providers' queries into
    /// <c>OrleansQuery</c>, in one transaction. Safe to call from every silo at every start.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({ApplyLockKey});", cancellationToken);
        await ExecuteAsync(connection, transaction, Script, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadEmbeddedScript()
    {
        using var stream = typeof(PostgresOrleansSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(PostgresOrleansSchema).Assembly.GetName().Name}; check the EmbeddedResource item's LogicalName.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
