using CrisisGrid.Gateway.Tests.Support;
using Orleans.Runtime;
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

    /// <summary>Moves <paramref name="grain"/> to a secondary silo and kills that silo (no graceful shutdown).</summary>
    protected async Task<SiloHandle> KillTheSiloOf(params IAddressable[] grains)
    {
        var victim = Cluster.Cluster.SecondarySilos[0];
        foreach (var grain in grains)
        {
            await Cluster.Cluster.MigrateAsync(grain, victim.SiloAddress);
            await Eventually.Until(
                () => Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).AsTask(),
                at => at == victim.SiloAddress,
                $"{grain} to move to {victim.SiloAddress}");
        }

        await Cluster.Cluster.KillSiloAsync(victim);
        return victim;
    }
}
