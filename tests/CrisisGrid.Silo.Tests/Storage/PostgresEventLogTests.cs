using CrisisGrid.Grains.Events;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Silo.Tests.Storage.Support;
using CrisisGrid.Testing;
using Npgsql;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>
/// The event log contract on a real PostgreSQL server, each test in a schema of its own. Every instance gets its own
/// data source (its own connection pool), as separate silo processes would.
/// </summary>
[RequiresEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable, PostgresTests.HowToRun)]
public sealed class PostgresEventLogTests : EventLogContractTests
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresTestDatabase? _database;

    protected override async Task CreateStoreAsync() => _database = await PostgresTestDatabase.CreateAsync();

    protected override async Task DeleteStoreAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override IEventLog CreateLog()
    {
        var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgresEventLog(dataSource, Time);
    }
}

internal static class PostgresTests
{
    public const string HowToRun =
        "Run with a throw-away server: deploy/dev/test-postgres.sh run -- dotnet test tests/CrisisGrid.Silo.Tests";
}
