using System.Diagnostics;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Gateway.Live;

namespace CrisisGrid.Gateway.Api;

/// <summary>Health for load balancers, metrics for operators: nothing about what happens inside exercises.</summary>
public static class OperatorEndpoints
{
    public sealed record Metrics(int LiveConnections, long WorkingSetBytes, long ManagedHeapBytes, int Gen0, int Gen1, int Gen2, double UptimeSeconds, int ThreadCount);

    public static void MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapGet("/ops/metrics", (LiveConnections connections) =>
        {
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new Metrics(
                connections.Count,
                process.WorkingSet64,
                GC.GetTotalMemory(forceFullCollection: false),
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2),
                (DateTime.Now - process.StartTime).TotalSeconds,
                process.Threads.Count));
        }).RequireAuthorization(policy => policy.AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName).RequireRole(OperatorAuthenticationHandler.Role));
    }
}
