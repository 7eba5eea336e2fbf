using CrisisGrid.Diagnostics;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Review.Checkpoints;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// Registers the durable <see cref="IEventLog"/>, the review's checkpoint store beside it (and, for SQLite, Orleans' <see cref="IReminderTable"/>) as singletons. The container owns
/// them: disposing it commits any appends still queued and closes the database. The last registration wins, so a
/// host may call these after registering defaults.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    // The storage's own data source, keyed so it never collides with one the application registers for itself.
    private const string PostgresDataSourceKey = "CrisisGrid.Silo.Storage";

    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        ReplaceStorage(services);
        // One log per file, so one writer: the review's checkpoints are written by the log's writer too.
        services.AddSingleton(sp => new SqliteEventLog(fullPath, RecordingClock(sp), sp.GetService<ILogger<SqliteEventLog>>()));
        services.AddSingleton<IEventLog>(sp => new InstrumentedEventLog(sp.GetRequiredService<SqliteEventLog>(), "sqlite", sp.GetService<CrisisGridMetrics>()));
        services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(fullPath));
        services.AddSingleton<IReviewCheckpointStore>(sp => new SqliteReviewCheckpointStore(sp.GetRequiredService<SqliteEventLog>()));
        return services;
    }

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        StorageSettings.ValidatePostgresConnectionString(connectionString, "The PostgreSQL connection string");
        ReplaceStorage(services);
        services.AddKeyedSingleton(PostgresDataSourceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IEventLog>(sp => new InstrumentedEventLog(
            new PostgresEventLog(sp.GetRequiredKeyedService<NpgsqlDataSource>(PostgresDataSourceKey), RecordingClock(sp)), "postgres", sp.GetService<CrisisGridMetrics>()));
        services.AddSingleton<IReviewCheckpointStore>(sp => new PostgresReviewCheckpointStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(PostgresDataSourceKey)));
        return services;
    }

    /// <summary>Registers the storage the "Storage" section names (see <see cref="StorageSettings"/>).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StorageSettings.FromConfiguration(configuration);
        return settings.Provider switch
        {
            StorageProvider.Sqlite => services.AddSqliteStorage(settings.SqlitePath!),
            StorageProvider.Postgres => services.AddPostgresStorage(settings.PostgresConnectionString!),
            _ => throw new InvalidOperationException($"Unknown storage provider {settings.Provider}."),
        };
    }

    // Events are stamped on the rules' clock (exercise time), the one players see; the container's clock otherwise.
    private static TimeProvider RecordingClock(IServiceProvider services) =>
        services.GetService<RulesClock>()?.Time ?? services.GetRequiredService<TimeProvider>();

    private static void ReplaceStorage(IServiceCollection services)
    {
        services.RemoveAll<IEventLog>();
        services.RemoveAll<SqliteEventLog>();
        services.RemoveAll<IReminderTable>();
        services.RemoveAll<IReviewCheckpointStore>();
        services.RemoveAllKeyed<NpgsqlDataSource>(PostgresDataSourceKey);
        services.TryAddSingleton(TimeProvider.System);

        // Opens the database (and creates or migrates its schema) when the host starts, so a wrong path or an
        // unreachable server stops the silo at startup instead of failing the first grain that persists.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageStartup>());
    }
}
