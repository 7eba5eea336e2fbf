using CrisisGrid.Cluster.Tests.Grains;
using CrisisGrid.Cluster.Tests.Support;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Testing;
using Npgsql;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace CrisisGrid.Cluster.Tests;

/// <summary>
/// Two real Orleans silos in this process, talking TCP on loopback with free ports, whose only shared state is the
/// PostgreSQL database: membership through ADO.NET clustering, reminders through ADO.NET reminders.
/// </summary>
public sealed class PostgresClusterTests
{
    // Generous: the machine is shared, and Orleans' reminder service starts only once membership has settled.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task Silos_on_postgres_form_one_cluster_keep_reminders_ticking_and_record_a_stopped_silo_as_dead()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var tables = new OrleansTables(dataSource);

        // An empty database: each silo applies the schema as it starts (ApplyOrleansPostgresSchemaOnStart).
        await using var cluster = BuildCluster(database.ConnectionString, silos: 2);
        await cluster.DeployAsync();
        var clusterId = cluster.Options.ClusterId;
        var management = cluster.Client.GetGrain<IManagementGrain>(0);

        // Both silos joined one cluster through the membership table.
        await Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, Patience, "two active silos");
        Assert.Equal(2, await tables.SilosWithStatusAsync(clusterId, OrleansTables.Active));

        // A reminder is stored in the reminder table and fires.
        var probe = Guid.NewGuid().ToString("N");
        await cluster.Client.GetGrain<IReminderProbeGrain>(probe).StartTicking(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await tables.RemindersOfAsync(cluster.Options.ServiceId, probe, ReminderProbeGrain.ReminderName));
        await Eventually.TrueAsync(() => Task.FromResult(ReminderTicks.For(probe) >= 2), Patience, "two reminder ticks");

        // Applying the schema while the cluster runs (a silo restarting does it) disturbs nothing.
        await PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None);

        // A silo that stops is recorded as dead, and the survivor carries on, reminder included.
        var leaving = cluster.Silos[^1];
        await cluster.StopSiloAsync(leaving);
        Assert.Equal(OrleansTables.Dead, await tables.StatusOfAsync(clusterId, leaving.SiloAddress));
        await Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 1, Patience, "one active silo after the stop");
        Assert.Equal(1, await tables.SilosWithStatusAsync(clusterId, OrleansTables.Active));

        var ticksAtStop = ReminderTicks.For(probe);
        await Eventually.TrueAsync(() => Task.FromResult(ReminderTicks.For(probe) >= ticksAtStop + 2), Patience, "reminder ticks on the surviving silo");
        Assert.Equal(1, await tables.RemindersOfAsync(cluster.Options.ServiceId, probe, ReminderProbeGrain.ReminderName));
    }

    private static TestCluster BuildCluster(string connectionString, short silos)
    {
        var builder = new TestClusterBuilder(silos);
        // Real membership and real sockets: TestCluster's defaults (an in-memory membership table and transport)
        // would prove nothing about PostgreSQL. Ports come from TestCluster's free-port allocator, on loopback.
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[PostgresCluster.ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresClusterSilo>();
        builder.AddClientBuilderConfigurator<PostgresClusterClient>();
        return builder.Build();
    }
}
