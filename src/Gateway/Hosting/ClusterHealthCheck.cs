using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>
/// Readiness: the cluster this gateway serves has at least one active silo it can reach. Without one every command
/// would fail, so the load balancer should send players to another gateway meanwhile.
/// </summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The cluster does not answer ({ex.GetType().Name}).");
        }
    }
}
