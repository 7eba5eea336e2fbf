using System.Collections.Concurrent;
using System.Net;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace CrisisGrid.Testing;

/// <summary>
/// A real Orleans cluster in this process (Orleans' <see cref="TestCluster"/>: silos on loopback TCP with free ports)
/// running CrisisGrid's grains on a SQLite log at <see cref="DatabasePath"/>, with the rules on a test clock. Orleans'
/// own runtime keeps the real clock. A gateway (another Orleans client) can join through <see cref="GatewayEndpoints"/>.
/// Stopping the cluster and starting another on the same file is a restart as far as the grains can tell.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private const string HookKey = "CrisisGridTest:Hook";
    private static readonly ConcurrentDictionary<string, Hook> Hooks = new();

    private TestSilo(TestCluster cluster, string databasePath, TimeProvider time, Action<IServiceCollection>? configure)
    {
        Cluster = cluster;
        DatabasePath = databasePath;
        Clock = time;
        Configure = configure;
    }

    public TestCluster Cluster { get; }

    public string DatabasePath { get; }

    /// <summary>The rules' clock the grains run on.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The rules' clock, for tests that move it.</summary>
    public FakeTimeProvider Time => (FakeTimeProvider)Clock;

    public IGrainFactory Grains => Cluster.Client;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The services of a running silo (the event log, …): every silo shares the one database.</summary>
    public IServiceProvider Services => ((InProcessSiloHandle)Cluster.Silos.First(s => s.IsActive)).ServiceProvider;

    /// <summary>Where Orleans clients (a gateway) connect: every live silo's gateway endpoint.</summary>
    public IReadOnlyList<IPEndPoint> GatewayEndpoints => [.. Cluster.Silos.Where(s => s.IsActive).Select(s => s.GatewayAddress.Endpoint)];

    public string ClusterId => Cluster.Options.ClusterId;

    public string ServiceId => Cluster.Options.ServiceId;

    private Action<IServiceCollection>? Configure { get; }

    /// <summary>Where new activations go while a test says so (see <see cref="PlacementPin"/>).</summary>
    public PlacementPin Placement { get; private init; } = new();

    public static async Task<TestSilo> StartAsync(string databasePath, TimeProvider time, Action<IServiceCollection>? configure = null, int silos = 1)
    {
        var hook = Guid.NewGuid().ToString("N");
        var settings = new Hook(databasePath, time, configure);
        Hooks[hook] = settings;
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[HookKey] = hook;
        builder.AddSiloBuilderConfigurator<CrisisGridTestSilo>();
        builder.AddClientBuilderConfigurator<PropagatingClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster, databasePath, time, configure) { Placement = settings.Pin };
    }

    /// <summary>Stops every silo and starts a fresh cluster on the same database and clock.</summary>
    public async Task<TestSilo> RestartAsync(Action<IServiceCollection>? configure = null)
    {
        var silos = Cluster.Silos.Count(s => s.IsActive);
        await DisposeAsync();
        return await StartAsync(DatabasePath, Clock, configure ?? Configure, Math.Max(1, silos));
    }

    /// <summary>
    /// Checks that <paramref name="grain"/> is active on <paramref name="silo"/>, where the test's
    /// <see cref="Placement"/> pin starts it. <paramref name="touch"/> is any call on the grain: it activates the grain
    /// if nothing has yet.
    /// </summary>
    public async Task ExpectHostedOn(SiloHandle silo, IAddressable grain, Func<Task> touch)
    {
        await touch();
        await Eventually.Until(
            () => Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).AsTask(),
            at => silo.SiloAddress.Equals(at),
            $"{grain} to be hosted on {silo.SiloAddress}");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed record Hook(string DatabasePath, TimeProvider Time, Action<IServiceCollection>? Configure)
    {
        public PlacementPin Pin { get; } = new();
    }

    // As the gateway's client does: grain calls carry the caller's trace into the silos.
    private sealed class PropagatingClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddActivityPropagation();
    }

    // TestCluster creates configurators by type: the per-test settings travel through a key in its configuration.
    private sealed class CrisisGridTestSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var hook = Hooks[siloBuilder.Configuration[HookKey]!];
            siloBuilder.Configuration["Storage:Provider"] = "sqlite";
            siloBuilder.Configuration["Storage:SqlitePath"] = hook.DatabasePath;
            siloBuilder.Configuration["Scenarios:Directory"] = Path.Combine(AppContext.BaseDirectory, "scenarios");
            siloBuilder.AddCrisisGrid(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton(new RulesClock(hook.Time));
            siloBuilder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));

            // A killed silo is declared dead within a few seconds, so tests of silo loss wait seconds, not a minute.
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            });
            siloBuilder.Services.AddSingleton(hook.Pin);
            siloBuilder.Services.AddPlacementDirector<ResourceOptimizedPlacement, PinnedPlacementDirector>();
            hook.Configure?.Invoke(siloBuilder.Services);
        }
    }
}
