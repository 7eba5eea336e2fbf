using System.Net;
using CrisisGrid.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace CrisisGrid.Silo.Hosting;

/// <summary>
/// Whether the silo runs under Kubernetes with Microsoft.Orleans.Hosting.Kubernetes (<c>UseKubernetesHosting()</c>):
/// the silo is named after its pod, advertises the pod's IP, takes its ServiceId and ClusterId from the pod's
/// <c>orleans/serviceId</c> and <c>orleans/clusterId</c> labels (through <c>ORLEANS_SERVICE_ID</c>/<c>ORLEANS_CLUSTER_ID</c>),
/// and declares a silo dead as soon as its pod is deleted instead of waiting for missed probes.
/// <para>
/// <c>Cluster:Kubernetes</c> decides: <c>true</c> or <c>false</c>, or unset = on exactly when the process runs in a pod
/// (Kubernetes sets <c>KUBERNETES_SERVICE_HOST</c> in every container) and the silo is in a cluster. Detection keeps the
/// manifests free of a switch that must agree with where they run; the explicit <c>false</c> lets a silo in a pod
/// without the pod RBAC run on membership alone. Membership and reminders stay in PostgreSQL either way: the package
/// watches pods, it does not replace the membership table.
/// </para>
/// </summary>
public static class KubernetesHosting
{
    public const string SettingKey = ClusterSettings.SectionName + ":Kubernetes";
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";
    public const string ClusterIdVariable = "ORLEANS_CLUSTER_ID";
    public const string ServiceIdVariable = "ORLEANS_SERVICE_ID";
    public const string PodIpVariable = "POD_IP";

    public static bool IsOn(IConfiguration configuration, ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cluster);
        var inPod = !string.IsNullOrWhiteSpace(configuration[ServiceHostVariable]);
        var on = configuration[SettingKey] switch
        {
            null or "" => inPod && cluster.Mode == ClusterMode.Postgres,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new InvalidOperationException($"{SettingKey} is '{text}'; allowed: true, false, or unset (on when running in a Kubernetes pod)."),
        };
        if (!on)
        {
            return false;
        }

        if (cluster.Mode != ClusterMode.Postgres)
        {
            throw new InvalidOperationException($"{SettingKey} is on but {ClusterSettings.SectionName}:Mode is '{cluster.Mode}': Kubernetes hosting needs a cluster (set {ClusterSettings.SectionName}:Mode=Postgres).");
        }

        if (!inPod)
        {
            throw new InvalidOperationException($"{SettingKey} is true but {ServiceHostVariable} is not set: the silo is not running in a Kubernetes pod (set {SettingKey}=false outside Kubernetes).");
        }

        // The package takes the ids from the pod's labels; gateways take them from Cluster:*. A silo whose label and
        // setting disagree would form a cluster no gateway finds, so refuse to start instead.
        Agree(configuration, ClusterIdVariable, "ClusterId");
        Agree(configuration, ServiceIdVariable, "ServiceId");
        return true;
    }

    /// <summary>True when the advertised address was set explicitly (otherwise the package advertises the pod's IP).</summary>
    public static bool AddressConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[ClusterSettings.SectionName + ":AdvertisedAddress"]);

    /// <summary>The pod's IP from the downward API (<c>POD_IP</c>), when set.</summary>
    public static IPAddress? PodAddress(IConfiguration configuration) => configuration?[PodIpVariable] switch
    {
        null or "" => null,
        var text when IPAddress.TryParse(text, out var address) => address,
        var text => throw new InvalidOperationException($"{PodIpVariable} is '{text}'; it must be the pod's IP address (fieldRef status.podIP)."),
    };

    private static void Agree(IConfiguration configuration, string variable, string key)
    {
        var fromLabel = configuration[variable];
        var fromSetting = configuration[$"{ClusterSettings.SectionName}:{key}"];
        if (!string.IsNullOrWhiteSpace(fromLabel) && !string.IsNullOrWhiteSpace(fromSetting) && !string.Equals(fromLabel.Trim(), fromSetting.Trim(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{ClusterSettings.SectionName}:{key} is '{fromSetting}' but {variable} (the pod's orleans/{char.ToLowerInvariant(key[0])}{key[1..]} label) is '{fromLabel}': make them equal, or drop {ClusterSettings.SectionName}:{key} from the silo.");
        }
    }
}
