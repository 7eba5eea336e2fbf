using Microsoft.Data.Sqlite;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// One SQLite database file: how connections to it are opened and the schema it must have. Shared by the event log
/// and the reminder table, which live in the same file.
/// </summary>
internal sealed class SqliteDatabase
{
    // Microsoft.Data.Sqlite retries a busy database (another connection or process holds the write lock) for up to
    // this long before failing, which covers a batch from the other process committing.
    private const int BusyTimeoutSeconds = 30;

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Path = System.IO.Path.GetFullPath(databasePath);
        if (System.IO.Path.GetDirectoryName(Path) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutSeconds,
            Pooling = true,
        };
        PooledConnectionString = builder.ToString();

        // The event log's writer keeps one connection for its lifetime; it needs no pool.
        builder.Pooling = false;
        DedicatedConnectionString = builder.ToString();

        SqliteSchema.Migrate(this);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    private string PooledConnectionString { get; }

    private string DedicatedConnectionString { get; }

    /// <summary>A pooled connection for reads and small writes. WAL lets readers run beside the writer.</summary>
    internal SqliteConnection OpenPooled() => Open(PooledConnectionString);

    /// <summary>A connection outside the pool, for the event log's long-lived writer.</summary>
    internal SqliteConnection OpenDedicated() => Open(DedicatedConnectionString);

    /// <summary>Closes idle pooled connections, so that the file is not held open after the log is disposed.</summary>
    internal void ClearPool()
    {
        using var connection = new SqliteConnection(PooledConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // synchronous is per connection (journal_mode=WAL is stored in the file by the schema migration).
            // FULL makes every commit fsync the WAL before it returns: an acknowledged write survives power loss,
            // not only a process crash.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = FULL;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
