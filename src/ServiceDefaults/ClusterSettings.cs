using System.Net;
using Microsoft.Extensions.Configuration;

namespace CrisisGrid.ServiceDefaults;

/// <summary>How silos find each other (and gateways find silos).</summary>
public enum ClusterMode
{
    /// <summary>One silo on this machine: localhost clustering, event log and reminders in one SQLite file.</summary>
    Embedded,

    /// <summary>A cluster of silos: Orleans' ADO.NET membership and reminders and the event log in one PostgreSQL database.</summary>
    Postgres,
}

/// <summary>
/// The "Cluster" configuration section, shared by silos and gateways:
/// <code>
/// "Cluster": { "Mode": "Embedded", "SiloPort": 11111, "GatewayPort": 30000 }
/// "Cluster": { "Mode": "Postgres", "ClusterId": "crisisgrid", "AdvertisedAddress": "10.0.0.5" }   + Storage:PostgresConnectionString
/// </code>
/// Read and checked at start, so a bad setting stops the process with a message naming the key and what is allowed.
/// </summary>
public sealed record ClusterSettings(
    ClusterMode Mode,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedAddress,
    IReadOnlyList<int> GatewayPorts)
{
    public const string SectionName = "Cluster";

    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var mode = section["Mode"] switch
        {
            null or "" => ClusterMode.Embedded,
            var m when m.Equals("embedded", StringComparison.OrdinalIgnoreCase) => ClusterMode.Embedded,
            var m when m.Equals("postgres", StringComparison.OrdinalIgnoreCase) || m.Equals("postgresql", StringComparison.OrdinalIgnoreCase) => ClusterMode.Postgres,
            var m => throw new InvalidOperationException($"{SectionName}:Mode is '{m}'; allowed values are 'Embedded' (one silo, SQLite) and 'Postgres' (a cluster on PostgreSQL)."),
        };
        var siloPort = Port(section, "SiloPort", 11111);
        var gatewayPort = Port(section, "GatewayPort", 30000);
        var address = section["AdvertisedAddress"] is { Length: > 0 } text
            ? IPAddress.TryParse(text, out var parsed) ? parsed : throw new InvalidOperationException($"{SectionName}:AdvertisedAddress is '{text}'; give an IP address such as 127.0.0.1 or 10.0.0.5.")
            : IPAddress.Loopback;
        var gatewayPorts = (section["GatewayPorts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, out var port) && port is > 0 and < 65536 ? port : throw new InvalidOperationException($"{SectionName}:GatewayPorts has '{p}'; give a comma-separated list of ports 1–65535."))
            .ToList();
        return new ClusterSettings(
            mode,
            NonEmpty(section, "ClusterId", "crisisgrid"),
            NonEmpty(section, "ServiceId", "crisisgrid"),
            siloPort,
            gatewayPort,
            address,
            gatewayPorts.Count > 0 ? gatewayPorts : [gatewayPort]);
    }

    private static int Port(IConfigurationSection section, string key, int fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, out var port) && port is >= 0 and < 65536 => port,
        var text => throw new InvalidOperationException($"{SectionName}:{key} is '{text}'; allowed: a port number 0–65535 (0 picks a free port)."),
    };

    private static string NonEmpty(IConfigurationSection section, string key, string fallback) =>
        section[key] is { } value ? (string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{SectionName}:{key} is blank; give a name such as '{fallback}'.") : value.Trim()) : fallback;
}
