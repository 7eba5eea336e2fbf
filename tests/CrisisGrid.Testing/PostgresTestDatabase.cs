using Npgsql;

namespace CrisisGrid.Testing;

/// <summary>
/// A schema of its own in the test PostgreSQL server named by <see cref="EnvironmentVariable"/> (start one with
/// deploy/dev/test-postgres.sh), so each test sees empty tables and runs the migrations itself. Dropped on dispose.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CRISISGRID_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string schema)
    {
        _serverConnectionString = serverConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>The server's connection string, or null when no test server was given.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public string Schema { get; }

    /// <summary>Connects into <see cref="Schema"/> (through Search Path).</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set: start a test server with deploy/dev/test-postgres.sh.");
        var database = new PostgresTestDatabase(server, $"test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE SCHEMA {database.Schema}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_serverConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
