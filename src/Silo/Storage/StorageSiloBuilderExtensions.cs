using CrisisGrid.Silo.Storage;
using Microsoft.Extensions.Configuration;

// In the builder's namespace so that the storage choices show up wherever a silo is configured.
namespace CrisisGrid.Silo.Hosting;

/// <summary>Chooses where the silo keeps its event log and reminders (the counterpart of Orleans' Use…Storage).</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>The embedded default: one SQLite file (created with its directory when missing).</summary>
    public static ISiloBuilder UseSqliteStorage(this ISiloBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteStorage(databasePath);
        return builder;
    }

    /// <summary>A PostgreSQL database shared by the deployment; the schema is created on first start.</summary>
    public static ISiloBuilder UsePostgresStorage(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPostgresStorage(connectionString);
        return builder;
    }

    /// <summary>The storage named by the "Storage" section: Provider ("sqlite" | "postgres"), SqlitePath, PostgresConnectionString.</summary>
    public static ISiloBuilder UseStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStorage(configuration);
        return builder;
    }
}
