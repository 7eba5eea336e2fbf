using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Hosting;

/// <summary>
/// Readiness: this silo is an active member of its cluster. A silo that is still joining, shutting down, or has been
/// declared dead by the others answers liveness but not readiness, so orchestrators wait for it or replace it.
/// </summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Active in the cluster with {active} active silo(s).")
            : HealthCheckResult.Unhealthy($"This silo is {status} in the cluster, not Active."));
    }
}
