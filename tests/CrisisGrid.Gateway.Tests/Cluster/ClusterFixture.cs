using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using Orleans.TestingHost;

namespace CrisisGrid.Gateway.Tests.Cluster;

/// <summary>
/// Three silos (Orleans' TestCluster, loopback TCP) on one SQLite log and two gateways, each an Orleans client of the
/// cluster, sharing their data-protection keys as a deployment's gateways do. The primary silo holds the test
/// cluster's membership, so tests kill one of the others.
/// </summary>
public abstract class ClusterTest : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    protected TestSilo Cluster { get; private set; } = null!;

    protected GatewayHost GatewayA { get; private set; } = null!;

    protected GatewayHost GatewayB { get; private set; } = null!;

    protected GatewayApi ApiA { get; private set; } = null!;

    protected GatewayApi ApiB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await TestSilo.StartAsync(_data.File("crisisgrid.db"), TimeProvider.System, silos: 3);
        Cluster.Placement.Silo = Victim.SiloAddress; // every grain starts on the silo the tests kill
        GatewayA = await GatewayHost.StartAsync(_data.Path, silo: Cluster);
        GatewayB = await GatewayHost.StartAsync(_data.Path, silo: Cluster);
        (ApiA, ApiB) = (new GatewayApi(GatewayA.Http), new GatewayApi(GatewayB.Http));
    }

    public async Task DisposeAsync()
    {
        await GatewayA.DisposeAsync();
        await GatewayB.DisposeAsync();
        await Cluster.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>The secondary silo a test kills (the primary holds the test cluster's membership table).</summary>
    protected SiloHandle Victim => Cluster.Cluster.SecondarySilos[0];

    /// <summary>Checks that an exercise's grain and its feed are on <see cref="Victim"/>, where the placement pin starts every grain.</summary>
    protected async Task HostOnTheVictim(string exerciseId)
    {
        var exercise = Cluster.Grains.GetGrain<IExerciseGrain>(exerciseId);
        var feed = Cluster.Grains.GetGrain<IExerciseFeedGrain>(exerciseId);
        await Cluster.ExpectHostedOn(Victim, exercise, () => exercise.GetState());
        await Cluster.ExpectHostedOn(Victim, feed, () => feed.Read(0, 1));
    }

    /// <summary>Kills <see cref="Victim"/> with no graceful shutdown, as a crashed machine goes.</summary>
    protected Task KillTheVictim() => Cluster.Cluster.KillSiloAsync(Victim);
}
