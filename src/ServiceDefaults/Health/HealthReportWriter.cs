using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrisisGrid.ServiceDefaults;

/// <summary>
/// Readiness as JSON: each check's name, status and description, so an operator sees which dependency is down.
/// Exceptions stay in the logs (they may carry connection details).
/// </summary>
internal static class HealthReportWriter
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
