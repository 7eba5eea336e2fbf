using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Silo.Tests.Storage.Support;
using CrisisGrid.Testing;
using Npgsql;

namespace CrisisGrid.Silo.Tests.Storage;

[RequiresEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable, PostgresTests.HowToRun)]
public sealed class PostgresReminderTableTests : ReminderTableContractTests
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

    protected override IReminderTable CreateTable()
    {
        var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgresReminderTable(dataSource);
    }
}
