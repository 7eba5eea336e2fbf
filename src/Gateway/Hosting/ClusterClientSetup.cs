using System.Net;
using CrisisGrid.ServiceDefaults;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>Makes the gateway an Orleans client of the cluster the "Cluster" section names.</summary>
public static class ClusterClientSetup
{
    // How long a starting gateway waits for the silos (they may be starting beside it) before giving up.
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromMinutes(2);

    public static IHostApplicationBuilder UseCrisisGridClient(this IHostApplicationBuilder builder)
    {
        var cluster = ClusterSettings.FromConfiguration(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            // Grain calls carry the request's trace, so the silos' spans join the gateway's.
            client.AddActivityPropagation();
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.Mode == ClusterMode.Embedded)
            {
                client.UseStaticClustering([.. cluster.GatewayPorts.Select(port => new IPEndPoint(cluster.AdvertisedAddress, port))]);
            }
            else
            {
                var connectionString = builder.Configuration["Storage:PostgresConnectionString"] is { Length: > 0 } text
                    ? text
                    : throw new InvalidOperationException("Cluster:Mode is 'Postgres' but Storage:PostgresConnectionString is not set: the gateway finds the silos in the cluster's PostgreSQL database.");
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }

            // A call that reached a silo which then died never gets an answer, and Orleans' default response timeout is
            // 30 s: every command on that exercise would wait that long before SiloLossRetry could resend it. Gateway
            // calls take milliseconds (a review's first view a few hundred), so 10 s leaves room and bounds the wait.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = builder.Configuration.GetValue("Orleans:Messaging:ResponseTimeout", TimeSpan.FromSeconds(10)));

            var started = DateTimeOffset.UtcNow;
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                if (DateTimeOffset.UtcNow - started > ConnectPatience)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        return builder;
    }
}
