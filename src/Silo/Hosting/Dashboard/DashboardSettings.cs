using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace CrisisGrid.Silo.Hosting.Dashboard;

/// <summary>
/// The "Dashboard" configuration section: where the Orleans dashboard is served to operators.
/// <code>
/// "Dashboard": { "Enabled": true, "Port": 8082, "Address": "127.0.0.1", "LiveLog": false }
/// </code>
/// Without <c>Port</c> the dashboard shares the silo's own web host (<c>Urls</c>, where health is); with it, the
/// dashboard answers only on that extra listener, bound to <c>Address</c> (loopback unless set). Either way it needs
/// an operator key (<c>Operators:Keys</c>): with none configured it is not served at all.
/// </summary>
public sealed record DashboardSettings(bool Enabled, int? Port, IPAddress Address, bool LiveLog)
{
    public const string SectionName = "Dashboard";

    public static DashboardSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new DashboardSettings(
            Flag(section, "Enabled", fallback: true),
            section["Port"] switch
            {
                null or "" => null,
                var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 => port,
                var text => throw new InvalidOperationException($"{SectionName}:Port is '{text}'; allowed: a port number 1–65535, or leave it unset to serve the dashboard on the silo's own web port."),
            },
            section["Address"] is { Length: > 0 } address
                ? IPAddress.TryParse(address, out var parsed) ? parsed : throw new InvalidOperationException($"{SectionName}:Address is '{address}'; give an IP address such as 127.0.0.1 (loopback only) or 0.0.0.0.")
                : IPAddress.Loopback,
            Flag(section, "LiveLog", fallback: false));
    }

    private static bool Flag(IConfigurationSection section, string key, bool fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new InvalidOperationException($"{SectionName}:{key} is '{text}'; allowed: true or false."),
    };
}
