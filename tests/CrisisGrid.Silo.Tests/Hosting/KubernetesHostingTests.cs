using System.Net;
using CrisisGrid.ServiceDefaults;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CrisisGrid.Silo.Tests.Hosting;

/// <summary>
/// A silo in a Kubernetes pod uses Microsoft.Orleans.Hosting.Kubernetes: named after its pod, advertising the pod's IP,
/// in the cluster its pod labels name. Outside a pod nothing changes, and contradictory settings stop the silo with a
/// message naming them.
/// </summary>
public sealed class KubernetesHostingTests
{
    private const string Postgres = "Host=127.0.0.1;Database=crisisgrid;Username=crisisgrid";

    [Fact]
    public void A_cluster_silo_in_a_pod_uses_Kubernetes_hosting()
    {
        var settings = Settings(("Cluster:Mode", "Postgres"), (KubernetesHosting.ServiceHostVariable, "10.96.0.1"));
        Assert.True(KubernetesHosting.IsOn(settings, ClusterSettings.FromConfiguration(settings)));
    }

    [Fact]
    public void Outside_a_pod_or_on_one_embedded_silo_Kubernetes_hosting_stays_off()
    {
        var cluster = Settings(("Cluster:Mode", "Postgres"));
        Assert.False(KubernetesHosting.IsOn(cluster, ClusterSettings.FromConfiguration(cluster)));
        var embeddedInPod = Settings((KubernetesHosting.ServiceHostVariable, "10.96.0.1"));
        Assert.False(KubernetesHosting.IsOn(embeddedInPod, ClusterSettings.FromConfiguration(embeddedInPod)));
    }

    [Fact]
    public void An_explicit_false_keeps_a_pod_on_membership_alone()
    {
        var settings = Settings(("Cluster:Mode", "Postgres"), (KubernetesHosting.ServiceHostVariable, "10.96.0.1"), ("Cluster:Kubernetes", "false"));
        Assert.False(KubernetesHosting.IsOn(settings, ClusterSettings.FromConfiguration(settings)));
    }

    [Theory]
    [InlineData("Cluster:Kubernetes", "yes", null, "allowed: true, false")]
    [InlineData("Cluster:Kubernetes", "true", null, "not running in a Kubernetes pod")]
    [InlineData("Cluster:ClusterId", "blue", "10.96.0.1", "ORLEANS_CLUSTER_ID")]
    public void Contradictory_Kubernetes_settings_stop_the_silo_naming_the_setting(string key, string value, string? serviceHost, string expected)
    {
        var settings = Settings(("Cluster:Mode", "Postgres"), (key, value), (KubernetesHosting.ServiceHostVariable, serviceHost), (KubernetesHosting.ClusterIdVariable, "green"));
        var error = Assert.Throws<InvalidOperationException>(() => KubernetesHosting.IsOn(settings, ClusterSettings.FromConfiguration(settings)));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_on_an_embedded_silo_is_refused()
    {
        var settings = Settings(("Cluster:Kubernetes", "true"), (KubernetesHosting.ServiceHostVariable, "10.96.0.1"));
        var error = Assert.Throws<InvalidOperationException>(() => KubernetesHosting.IsOn(settings, ClusterSettings.FromConfiguration(settings)));
        Assert.Contains("Cluster:Mode=Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_pod_the_silo_advertises_the_pod_IP_under_the_pod_name_in_the_labelled_cluster()
    {
        // The package reads the downward-API variables from the process environment, as in a real pod.
        using var pod = new PodEnvironment(("POD_NAME", "crisisgrid-silo-7d9f-x2k4p"), ("POD_IP", "10.244.1.17"), ("POD_NAMESPACE", "crisisgrid"), (KubernetesHosting.ClusterIdVariable, "crisisgrid-blue"));
        using var host = BuildSilo(("Cluster:Mode", "Postgres"), ("Storage:Provider", "postgres"), ("Storage:PostgresConnectionString", Postgres),
            (KubernetesHosting.ServiceHostVariable, "10.96.0.1"), ("Cluster:SiloPort", "11111"), ("Cluster:GatewayPort", "30000"));

        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.244.1.17"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal("crisisgrid-silo-7d9f-x2k4p", host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        Assert.Equal("crisisgrid-blue", host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);
    }

    [Fact]
    public void Outside_a_pod_the_silo_advertises_its_configured_address()
    {
        using var host = BuildSilo(("Cluster:Mode", "Postgres"), ("Storage:Provider", "postgres"), ("Storage:PostgresConnectionString", Postgres),
            ("Cluster:AdvertisedAddress", "127.0.0.1"), ("Cluster:ClusterId", "local"));

        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal("local", host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    // Built, never started: the options are what the silo would run with; starting would call the Kubernetes API.
    private static IHost BuildSilo(params (string Key, string? Value)[] values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // As the silo executable: the environment (the pod's downward-API variables) first, then the settings.
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
        builder.UseCrisisGridSilo();
        return builder.Build();
    }

    private sealed class PodEnvironment : IDisposable
    {
        private readonly (string Name, string? Before)[] _saved;

        public PodEnvironment(params (string Name, string Value)[] variables)
        {
            _saved = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, before) in _saved)
            {
                Environment.SetEnvironmentVariable(name, before);
            }
        }
    }
}
