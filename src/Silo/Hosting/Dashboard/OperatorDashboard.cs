using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace CrisisGrid.Silo.Hosting.Dashboard;

/// <summary>
/// The Orleans dashboard (Microsoft.Orleans.Dashboard: grains per silo, call rates, silo health) for operators only.
/// It has no authentication of its own, so the silo serves it at <see cref="Path"/> behind the operator key, never
/// without one, and — with <c>Dashboard:Port</c> — only on a separate listener (loopback unless
/// <c>Dashboard:Address</c> says otherwise). Silos are never published to players: gateways do not forward to them.
/// </summary>
public static class OperatorDashboard
{
    public const string Path = "/dashboard";
    public const string Policy = "operator-dashboard";

    // Grain state is exercise content (what teams wrote, who voted how): operators see the cluster, not the exercise.
    private const string GrainStatePath = Path + "/GrainState";

    // The dashboard's live log stream prints whatever the silo logs; it stays off unless Dashboard:LiveLog=true.
    private const string LiveLogPath = Path + "/Trace";

    /// <summary>Every silo collects the dashboard's statistics (the dashboard shows the whole cluster from any one).</summary>
    public static ISiloBuilder AddCrisisGridDashboard(this ISiloBuilder silo, DashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Enabled ? silo.AddDashboard(o => o.HideTrace = !settings.LiveLog) : silo;
    }

    /// <summary>The operator-key scheme and policy and, with <c>Dashboard:Port</c>, the extra listener.</summary>
    public static WebApplicationBuilder AddOperatorDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = DashboardSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return builder;
        }

        if (settings.Port is { } port)
        {
            var urls = builder.Configuration["Urls"] is { Length: > 0 } configured ? configured : "http://127.0.0.1:0";
            var host = settings.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{settings.Address}]" : settings.Address.ToString();
            builder.WebHost.UseUrls($"{urls};http://{host}:{port}");
        }

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(OperatorKeyAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OperatorKeyAuthenticationHandler.SchemeName)
            .RequireRole(OperatorKeyAuthenticationHandler.Role)));
        return builder;
    }

    /// <summary>Maps the dashboard for operators, or nothing when it is off or no operator key is configured.</summary>
    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorDashboard));
        if (!settings.Enabled)
        {
            return app;
        }

        if (!OperatorKeyAuthenticationHandler.AnyKey(app.Configuration))
        {
            log.LogWarning("The Orleans dashboard is not served: set an operator key (Operators:Keys) to open it at {Path}.", Path);
            return app;
        }

        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            var offPort = settings.Port is { } port && http.Connection.LocalPort != port;
            var withheld = path.StartsWithSegments(GrainStatePath, StringComparison.OrdinalIgnoreCase)
                || (!settings.LiveLog && path.StartsWithSegments(LiveLogPath, StringComparison.OrdinalIgnoreCase));
            if (path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase) && (offPort || withheld))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(http);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Policy);
        log.LogInformation("The Orleans dashboard is served to operators at {Path}{Where}.", Path, settings.Port is { } p ? $" on {settings.Address}:{p} only" : " on the silo's web port");
        return app;
    }
}
