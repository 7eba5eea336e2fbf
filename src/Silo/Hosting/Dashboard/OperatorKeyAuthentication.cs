using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using CrisisGrid.ServiceDefaults.Operators;
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
    public const string Header = OperatorKeys.Header;
    public const string Role = OperatorKeys.Role;
    public const string Realm = "CrisisGrid operators";

    /// <summary>True when at least one operator key is configured (without one, nothing operator-only is served).</summary>
    public static bool AnyKey(IConfiguration configuration) => OperatorKeys.Any(configuration);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(OperatorKeys.Matches(configuration, presented)
            ? AuthenticateResult.Success(new AuthenticationTicket(OperatorKeys.Principal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("The operator key is not valid."));
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
}
