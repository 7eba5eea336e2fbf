using CrisisGrid.Grains.Events;
using CrisisGrid.Silo.Storage;
using CrisisGrid.Silo.Storage.Sqlite;
using CrisisGrid.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CrisisGrid.Silo.Tests.Storage.TestEvents;

namespace CrisisGrid.Silo.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AddSqliteStorage_registers_one_log_and_one_reminder_table_on_the_file_and_disposing_the_container_flushes_appends()
    {
        var path = _directory.File("silo/crisisgrid.db"); // the directory does not exist yet
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        services.AddSqliteStorage(path);
        var provider = services.BuildServiceProvider();

        var log = provider.GetRequiredService<IEventLog>();
        Assert.Same(log, provider.GetRequiredService<IEventLog>());
        Assert.Equal(Path.GetFullPath(path), Assert.IsType<SqliteEventLog>(Assert.IsType<InstrumentedEventLog>(log).Inner).DatabasePath);
        Assert.IsType<SqliteReminderTable>(provider.GetRequiredService<IReminderTable>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "StorageStartup");

        var exercise = NewExerciseId();
        var appends = Enumerable.Range(0, 50).Select(i => log.AppendAsync(exercise, $"s{i}", 0, null, News($"e{i}"))).ToList();
        await provider.DisposeAsync();

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        await using var reopened = new SqliteEventLog(path, TimeProvider.System);
        Assert.Equal(50, await reopened.GetLastSequenceAsync(exercise));
    }

    [Fact]
    public void A_later_storage_registration_replaces_an_earlier_one()
    {
        var services = new ServiceCollection();
        services.AddSqliteStorage(_directory.File("first.db"));
        services.AddPostgresStorage("Host=127.0.0.1;Database=crisisgrid");

        Assert.Single(services, d => d.ServiceType == typeof(IEventLog));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IReminderTable)); // clusters use Orleans' ADO.NET reminders
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void UseStorage_with_provider_sqlite_uses_the_configured_path()
    {
        var path = _directory.File("configured.db");
        using var provider = Build(new() { ["Storage:Provider"] = "SQLite", ["Storage:SqlitePath"] = path });

        Assert.Equal(path, Assert.IsType<SqliteEventLog>(Assert.IsType<InstrumentedEventLog>(provider.GetRequiredService<IEventLog>()).Inner).DatabasePath);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData(null, null, null, "Storage:Provider is not set")]
    [InlineData("mysql", null, null, "Storage:Provider is 'mysql'; allowed values are 'sqlite' and 'postgres'")]
    [InlineData("sqlite", null, null, "Storage:SqlitePath is required when Storage:Provider is 'sqlite'")]
    [InlineData("postgres", null, null, "Storage:PostgresConnectionString is required when Storage:Provider is 'postgres'")]
    [InlineData("postgres", null, "Hots=db;Password=secret", "Storage:PostgresConnectionString is not a valid Npgsql connection string")]
    [InlineData("postgres", null, "Password=secret", "Storage:PostgresConnectionString names no Host")]
    public void Bad_storage_configuration_fails_at_registration_naming_the_key(string? provider, string? path, string? connectionString, string expected)
    {
        var services = new ServiceCollection();
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:SqlitePath"] = path,
            ["Storage:PostgresConnectionString"] = connectionString,
        };

        var error = Assert.ThrowsAny<Exception>(() => services.AddStorage(Configuration(values)));

        Assert.True(error is InvalidOperationException or ArgumentException, error.GetType().Name);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    public void Dispose() => _directory.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddStorage(Configuration(values));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
