using CrisisGrid.Gateway.Api;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Errors;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Gateway.Live;
using CrisisGrid.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrisisGrid.Gateway;

/// <summary>
/// Builds the gateway: an Orleans client of the cluster, the HTTP API, the SignalR hub and the web client. Tests build
/// it too, on a free port and their own data folder, against a test cluster.
/// </summary>
public static class GatewayApp
{
    public const string HubPath = "/hubs/exercise";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var gateway = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection("Gateway"));
        var dataDirectory = Path.GetFullPath(gateway.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        KeepSecretsOutOfLogs(builder.Logging);
        builder.AddGatewayErrors();
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddReadinessCheck<ClusterHealthCheck>("cluster");
        builder.UseCrisisGridClient();

        builder.Services.ConfigureHttpJsonOptions(o => GatewayJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddDataProtection()
            .SetApplicationName("CrisisGrid")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o =>
            {
                o.BearerTokenExpiration = gateway.TokenLifetime;
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
                o.Events = new BearerTokenEvents
                {
                    // Browsers cannot set headers on WebSockets: SignalR sends the token as a query parameter there.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(HubPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            GatewayErrors.AnswerRateLimits(o, gateway.Limits.JoinAttemptsPerMinute);
            o.AddPolicy(JoinEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = gateway.Limits.JoinAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddCors();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = gateway.Limits.MaxMessageBytes;
                o.EnableDetailedErrors = false;
                o.AddFilter<GatewayHubFilter>();
            })
            .AddJsonProtocol(o => GatewayJson.Apply(o.PayloadSerializerOptions));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHubProtocol, ExplainingJsonHubProtocol>());
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = gateway.Limits.MaxRequestBodyBytes;
            // The connection cap is enforced by the hub (LiveConnections), which tells a refused client why. Kestrel's own
            // cap on WebSockets only backstops it: at its limit Kestrel answers the upgrade with a bare 200 and no reason,
            // so it sits above the hub's, leaving room for over-cap clients to connect and be told.
            k.Limits.MaxConcurrentUpgradedConnections = (2L * gateway.Limits.MaxConnections) + 16;
        });

        builder.Services.AddSingleton<ExerciseFactory>();
        builder.Services.AddSingleton<AccessGuard>();
        builder.Services.AddSingleton<CommandDispatcher>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<GatewayHubFilter>();
        builder.Services.AddSingleton<FeedRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedRelay>());
        builder.Services.AddHostedService<SampleExerciseSeeder>();

        configure?.Invoke(builder);
        var app = builder.Build();
        var origins = AllowedOrigins(app, gateway);

        app.UseEmptyErrorResponses();
        app.UseExceptionHandler();
        app.UseWebSockets(new WebSocketOptions { AllowedOrigins = { }, KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.Use(RejectForeignOrigins(origins));
        app.UseCors(policy => policy.SetIsOriginAllowed(origin => origins().Contains(origin)).AllowAnyHeader().AllowAnyMethod().AllowCredentials());
        ServeWebClient(app, gateway);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseJsonBodyGuard();

        app.MapJoinEndpoints();
        app.MapExerciseEndpoints();
        app.MapMselImportEndpoints();
        app.MapReviewEndpoints();
        app.MapAdjudicationEndpoints();
        app.MapOperatorEndpoints();
        app.MapDefaultEndpoints();
        app.MapHub<ExerciseHub>(HubPath);
        return app;
    }

    // Query strings can carry SignalR access tokens: request-level logs that print URLs stay at warnings only.
    private static void KeepSecretsOutOfLogs(ILoggingBuilder logging)
    {
        foreach (var category in new[] { "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.HttpLogging" })
        {
            logging.AddFilter(category, LogLevel.Warning);
        }
    }

    private static void ServeWebClient(WebApplication app, GatewayOptions gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway.WebRoot) || !Directory.Exists(Path.GetFullPath(gateway.WebRoot)))
        {
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(gateway.WebRoot));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <summary>The gateway's own addresses plus the configured ones: the only browser origins let in.</summary>
    private static Func<HashSet<string>> AllowedOrigins(WebApplication app, GatewayOptions gateway)
    {
        HashSet<string>? cached = null;
        return () => cached ??= [.. gateway.AllowedOrigins.Select(o => o.TrimEnd('/')),
            .. app.Urls.SelectMany(url => new[] { url.TrimEnd('/'), url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/') })];
    }

    // A page from another site must not open a live connection with a participant's token (cross-site WebSocket
    // hijacking): requests that carry an Origin header must come from an allowed origin. Non-browser clients send none.
    private static Func<HttpContext, RequestDelegate, Task> RejectForeignOrigins(Func<HashSet<string>> origins) => (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(HubPath) && context.Request.Headers.Origin is { Count: > 0 } origin && !origins().Contains(origin.ToString()))
        {
            return GatewayErrors.RefuseOrigin(context);
        }

        return next(context);
    };
}
