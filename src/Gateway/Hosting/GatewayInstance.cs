namespace CrisisGrid.Gateway.Hosting;

/// <summary>
/// Which gateway a metric comes from: the host name, which is the pod name in Kubernetes and the service's host name in
/// the compose file, so per-gateway delivery latency and connection counts line up with what operators deploy.
/// </summary>
internal static class GatewayInstance
{
    public static string Name { get; } = Environment.MachineName;
}
