using CrisisGrid.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CrisisGrid.Cluster.Tests.Support;

/// <summary>
/// The cluster-mode Orleans setup the silo host uses on PostgreSQL: ADO.NET clustering and ADO.NET reminders, invariant
/// <c>Npgsql</c>, on the database named by <see cref="ConnectionStringKey"/> in the test cluster's configuration.
/// TestCluster creates configurators by type, hence configuration rather than constructor arguments.
/// </summary>
internal static class PostgresCluster
{
    public const string ConnectionStringKey = "CrisisGridClusterTests:PostgresConnectionString";

    public const string Invariant = "Npgsql";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey]
        ?? throw new InvalidOperationException($"The test cluster has no '{ConnectionStringKey}' setting.");
}

internal sealed class PostgresClusterSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = PostgresCluster.ConnectionString(siloBuilder.Configuration);
        siloBuilder
            .ApplyOrleansPostgresSchemaOnStart(connectionString)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresCluster.Invariant;
                options.ConnectionString = connectionString;
            })
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresCluster.Invariant;
                options.ConnectionString = connectionString;
            })
            // Orleans refuses periods under a minute by default; a one-second reminder lets the test see ticks quickly.
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}

internal sealed class PostgresClusterClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresCluster.Invariant;
            options.ConnectionString = PostgresCluster.ConnectionString(configuration);
        });
}
