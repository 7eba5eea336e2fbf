using CrisisGrid.Grains.Events;
using CrisisGrid.Silo.Storage;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Silo.Tests.Storage.Support;
using CrisisGrid.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CrisisGrid.Silo.Tests.Storage.TestEvents;

namespace CrisisGrid.Silo.Tests.Storage;

[RequiresEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable, PostgresTests.HowToRun)]
public sealed class PostgresStorageRegistrationTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [ContractFact]
    public async Task UseStorage_with_provider_postgres_serves_the_log_from_the_configured_database()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        services.AddStorage(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:PostgresConnectionString"] = _database!.ConnectionString,
            })
            .Build());
        var exercise = NewExerciseId();

        await using (var provider = services.BuildServiceProvider())
        {
            var log = Assert.IsType<PostgresEventLog>(Assert.IsType<InstrumentedEventLog>(provider.GetRequiredService<IEventLog>()).Inner);
            await log.AppendAsync(exercise, "exercise", 0, null, News("configured"));
        }

        await using var again = services.BuildServiceProvider();
        Assert.Equal(1, await again.GetRequiredService<IEventLog>().GetLastSequenceAsync(exercise));
    }
}
