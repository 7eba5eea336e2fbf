using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Silo.Hosting.Dashboard;

/// <summary>
/// Operators authenticate to a silo with one of the keys in <c>Operators:Keys</c> (the same keys the gateways take):
/// in the <c>X-Operator-Key</c> header (scripts), or as the password of HTTP Basic authentication (browsers, which
/// prompt for it; the user name is not checked). Nothing else — no participant token — is an identity here.
/// </summary>
public sealed class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorKey";
    public const string Header = "X-Operator-Key";
    public const string Role = "operator";
    public const string Realm = "CrisisGrid operators";

    /// <summary>True when at least one operator key is configured (without one, nothing operator-only is served).</summary>
    public static bool AnyKey(IConfiguration configuration) => Keys(configuration).Length > 0;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Compare hashes in fixed time: neither the key's length nor its prefix leaks through timing.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (!Keys(configuration).Any(key => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), presentedHash)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The operator key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Role), new Claim(ClaimTypes.Name, "operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A browser shows its password prompt on this header: the operator types the key as the password.
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && authorization.Parameter is { Length: > 0 } encoded)
        {
            try
            {
                var userAndPassword = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = userAndPassword.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 && colon < userAndPassword.Length - 1 ? userAndPassword[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private static string[] Keys(IConfiguration configuration) =>
        (configuration.GetSection("Operators:Keys").Get<string[]>() ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).ToArray();
}
