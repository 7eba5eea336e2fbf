using CrisisGrid.Gateway.Identity;
using CrisisGrid.ServiceDefaults.Metrics;

namespace CrisisGrid.Gateway.Api;

/// <summary>Health for load balancers, metrics for operators: nothing about what happens inside exercises.</summary>
public static class OperatorEndpoints
{
    /// <summary>The process's readings: the domain's instruments (Meter "CrisisGrid"), Orleans' and the runtime's.</summary>
    public sealed record Metrics(string Gateway, IReadOnlyList<MetricReading> Readings);

    public static void MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        // Kept for load balancers configured before /health/live and /health/ready existed.
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();

        // The same numbers OpenTelemetry exports over OTLP, for an operator without a metrics backend.
        app.MapGet("/ops/metrics", (OperatorMetrics metrics) => Results.Ok(new Metrics(Hosting.GatewayInstance.Name, metrics.Read())))
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName).RequireRole(OperatorAuthenticationHandler.Role));
    }
}
