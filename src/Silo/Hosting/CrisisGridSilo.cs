using System.Net;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.ServiceDefaults;
using CrisisGrid.Silo.Hosting.Dashboard;
using CrisisGrid.Silo.Storage;
using CrisisGrid.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CrisisGrid.Silo.Hosting;

/// <summary>
/// Configures an Orleans silo for CrisisGrid from configuration. <see cref="AddCrisisGrid"/> is what every silo needs
/// (storage, reminders, the rules' clock, scenarios); <see cref="UseCrisisGridCluster"/> is how it joins its cluster.
/// Tests on Orleans' TestingHost call the first only: the test cluster brings its own membership.
/// </summary>
public static class CrisisGridSilo
{
    /// <summary>Runs a silo in this host as the configuration says (the silo executable's whole setup).</summary>
    public static IHostApplicationBuilder UseCrisisGridSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The embedded default needs no settings at all: one silo, its SQLite file under ./data.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Storage:Provider"]))
        {
            builder.Configuration["Storage:Provider"] = "sqlite";
            builder.Configuration["Storage:SqlitePath"] ??= Path.Combine("data", "crisisgrid.db");
        }

        if (builder.Configuration["Logging:LogLevel:Orleans"] is null)
        {
            builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        }

        var cluster = ClusterSettings.FromConfiguration(builder.Configuration);
        var dashboard = DashboardSettings.FromConfiguration(builder.Configuration);
        builder.UseOrleans(silo => silo.AddCrisisGrid(builder.Configuration, cluster.Mode)
            .UseCrisisGridCluster(cluster, builder.Configuration)
            .AddCrisisGridDashboard(dashboard));
        return builder;
    }

    /// <summary>The grains' services: event log (and, embedded, the reminder table), reminders, clock, scenarios.</summary>
    public static ISiloBuilder AddCrisisGrid(this ISiloBuilder silo, IConfiguration configuration, ClusterMode mode = ClusterMode.Embedded)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var storage = StorageSettings.FromConfiguration(configuration);
        if (mode == ClusterMode.Postgres && storage.Provider != StorageProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"{ClusterSettings.SectionName}:Mode is 'Postgres' but {StorageSettings.SectionName}:Provider is '{storage.Provider}': a cluster keeps its event log in its PostgreSQL database (set {StorageSettings.SectionName}:Provider=postgres).");
        }

        silo.Services.AddStorage(configuration);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));

        // Grain calls carry the caller's trace (W3C trace context): one command is one trace across gateway and silos.
        silo.AddActivityPropagation();
        silo.Services.TryAddSingleton<CrisisGrid.Diagnostics.CrisisGridMetrics>();
        silo.Services.TryAddSingleton(RulesClock.System);
        silo.Services.Configure<ScenarioLibraryOptions>(o =>
        {
            if (configuration["Scenarios:Directory"] is { Length: > 0 } folder)
            {
                o.Directory = Path.GetFullPath(folder);
            }
        });
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // The SQLite reminder table was registered with the event log; Orleans' reminder service runs on it.
            silo.AddReminders();
        }

        return silo;
    }

    /// <summary>Joins the cluster: localhost clustering for the embedded silo, ADO.NET membership and reminders on PostgreSQL otherwise.</summary>
    public static ISiloBuilder UseCrisisGridCluster(this ISiloBuilder silo, ClusterSettings cluster, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(cluster);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        var kubernetes = KubernetesHosting.IsOn(configuration, cluster);
        silo.Configure<EndpointOptions>(o =>
        {
            if (kubernetes && !KubernetesHosting.AddressConfigured(configuration))
            {
                // Advertise the pod's IP and listen on every interface of the pod. UseKubernetesHosting would do it only
                // when nothing set an address, but Orleans' own default (the first host address) comes first.
                o.SiloPort = cluster.SiloPort;
                o.GatewayPort = cluster.GatewayPort;
                if (KubernetesHosting.PodAddress(configuration) is { } podIp)
                {
                    o.AdvertisedIPAddress = podIp;
                }

                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
                return;
            }


            // Orleans advertises the machine's external address by default; a loopback cluster must say so itself.
            o.AdvertisedIPAddress = cluster.AdvertisedAddress;
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.IsLoopback(cluster.AdvertisedAddress) ? cluster.AdvertisedAddress : IPAddress.Any, cluster.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.IsLoopback(cluster.AdvertisedAddress) ? cluster.AdvertisedAddress : IPAddress.Any, cluster.GatewayPort);
        });

        if (cluster.Mode == ClusterMode.Embedded)
        {
            silo.UseDevelopmentClustering(new IPEndPoint(cluster.AdvertisedAddress, cluster.SiloPort));
            return silo;
        }

        var connectionString = StorageSettings.FromConfiguration(configuration).PostgresConnectionString!;

        // Orleans' ADO.NET providers ship no SQL: the silo applies their tables and queries (idempotent, under a lock).
        silo.ApplyOrleansPostgresSchemaOnStart(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        if (kubernetes)
        {
            // After ClusterOptions above: the pod's orleans/* labels (ORLEANS_*_ID) name the cluster in Kubernetes.
            silo.UseKubernetesHosting();
        }

        return silo;
    }
}
