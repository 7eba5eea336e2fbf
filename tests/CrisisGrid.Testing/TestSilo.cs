using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CrisisGrid.Testing;

/// <summary>
/// A real Orleans cluster in this process (Orleans' <see cref="InProcessTestCluster"/>: silos on loopback with free
/// ports, test membership) running CrisisGrid's grains on a SQLite log at <see cref="DatabasePath"/>, with the rules
/// on a test clock. Orleans' own runtime keeps the real clock. Stopping the cluster and starting another on the same
/// file is a restart as far as the grains can tell.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(InProcessTestCluster cluster, string databasePath, ManualTimeProvider time, Action<IServiceCollection>? configure)
    {
        Cluster = cluster;
        DatabasePath = databasePath;
        Time = time;
        Configure = configure;
    }

    public InProcessTestCluster Cluster { get; }

    public string DatabasePath { get; }

    public ManualTimeProvider Time { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The services of a running silo (the event log, …): every silo shares the one database.</summary>
    public IServiceProvider Services => Cluster.Silos.First(s => s.IsActive).ServiceProvider;

    private Action<IServiceCollection>? Configure { get; }

    public static async Task<TestSilo> StartAsync(string databasePath, ManualTimeProvider time, Action<IServiceCollection>? configure = null, int silos = 1)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = databasePath,
            ["Scenarios:Directory"] = Path.Combine(AppContext.BaseDirectory, "Scenarios", "Samples"),
        }).Build();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCrisisGrid(settings);
            silo.Services.AddSingleton(new RulesClock(time));
            configure?.Invoke(silo.Services);
        });
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureClientHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));

        // As the gateway's client does: grain calls carry the caller's trace into the silos.
        builder.ConfigureClient(client => client.AddActivityPropagation());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster, databasePath, time, configure);
    }

    /// <summary>Stops every silo and starts a fresh cluster on the same database and clock.</summary>
    public async Task<TestSilo> RestartAsync(Action<IServiceCollection>? configure = null)
    {
        var silos = Cluster.Silos.Count;
        await DisposeAsync();
        return await StartAsync(DatabasePath, Time, configure ?? Configure, silos);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
