using System.Text.Encodings.Web;
using CrisisGrid.ServiceDefaults.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Identity;

/// <summary>
/// Operators (who run the servers) authenticate apart from exercises, with a key from configuration
/// ("Operators:Keys") in the X-Operator-Key header. They see health and metrics, never exercise content.
/// </summary>
public sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";
    public const string Header = OperatorKeys.Header;
    public const string Role = OperatorKeys.Role;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented) || string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(OperatorKeys.Matches(configuration, presented.ToString())
            ? AuthenticateResult.Success(new AuthenticationTicket(OperatorKeys.Principal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("The operator key is not valid."));
    }
}
