using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CrisisGrid.ServiceDefaults.Operators;

/// <summary>
/// The operator keys ("Operators:Keys"), one home for silos and gateways: which keys count, how a presented key is
/// compared, and the identity an operator gets. Operators see health, metrics and the dashboard, never exercise content.
/// </summary>
public static class OperatorKeys
{
    public const string Header = "X-Operator-Key";
    public const string Role = "operator";

    /// <summary>The configured keys; blank entries do not count.</summary>
    public static string[] Configured(IConfiguration configuration) =>
        [.. (configuration.GetSection("Operators:Keys").Get<string[]>() ?? []).Where(k => !string.IsNullOrWhiteSpace(k))];

    /// <summary>True when at least one operator key is configured (without one, nothing operator-only is served).</summary>
    public static bool Any(IConfiguration configuration) => Configured(configuration).Length > 0;

    /// <summary>
    /// Whether <paramref name="presented"/> is one of the keys. Hashes are compared in fixed time, so neither a key's
    /// length nor its prefix leaks through timing.
    /// </summary>
    public static bool Matches(IConfiguration configuration, string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return Configured(configuration).Any(key => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), presentedHash));
    }

    /// <summary>The principal an authenticated operator gets, under <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Role), new Claim(ClaimTypes.Name, "operator")], scheme));
}
