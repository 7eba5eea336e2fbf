using CrisisGrid.Diagnostics;
using CrisisGrid.ServiceDefaults;
using CrisisGrid.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One call per process (silo or gateway) for what every CrisisGrid process shares: traces and metrics through
/// OpenTelemetry (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the domain's instruments, and
/// health checks. Web processes then call <see cref="MapDefaultEndpoints"/> for <c>/health/live</c> and
/// <c>/health/ready</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Tag of checks that only liveness runs (the process answers).</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of checks readiness runs on top of liveness (database reachable, cluster membership).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Orleans 10's ActivitySources (grain calls, application spans) and its Meter.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    public const string OrleansMeter = "Microsoft.Orleans";

    // ASP.NET Core's SignalR server spans (one per hub method invocation, .NET 9 and later) and the runtime's own meter.
    private const string SignalRActivitySource = "Microsoft.AspNetCore.SignalR.Server";
    private const string RuntimeMeter = "System.Runtime";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<CrisisGridMetrics>();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (otlp)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }

        builder.Services.AddSingleton<OperatorMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; otherwise the assembly does (CrisisGrid.Silo, CrisisGrid.Gateway).
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: Environment.MachineName);
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(CrisisGridTelemetry.Name, OrleansMeter, RuntimeMeter)
                .AddReader(sp => sp.GetRequiredService<OperatorMetrics>().Reader))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsHealthProbe(http))
                .AddSource(CrisisGridTelemetry.Name, SignalRActivitySource)
                .AddSource(OrleansActivitySources));
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Adds a check that readiness (not liveness) runs: a process that cannot reach its database or has not joined the
    /// cluster stays alive but receives no traffic.
    /// </summary>
    public static IHealthChecksBuilder AddReadinessCheck<TCheck>(this IHealthChecksBuilder checks, string name)
        where TCheck : class, IHealthCheck =>
        checks.AddCheck<TCheck>(name, HealthStatus.Unhealthy, [ReadyTag]);

    /// <summary>
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check, readiness ones included), both
    /// anonymous: load balancers and orchestrators call them, and they name checks but reveal nothing about exercises.
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.Write }).AllowAnonymous();
        return app;
    }

    // Probes arrive every few seconds from every orchestrator: tracing them would bury the commands.
    private static bool IsHealthProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
