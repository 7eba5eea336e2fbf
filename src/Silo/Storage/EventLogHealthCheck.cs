using CrisisGrid.Grains.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// Readiness: the event log answers a query (SQLite file open, PostgreSQL reachable). A process whose database is gone
/// stays alive, so it can recover by itself, but stops receiving traffic until the query works again.
/// </summary>
public sealed partial class EventLogHealthCheck(IEventLog log, ILogger<EventLogHealthCheck> logger) : IHealthCheck
{
    // No exercise has this id; asking for its last sequence costs one indexed lookup.
    private const string ProbeExercise = "~health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await log.GetLastSequenceAsync(ProbeExercise, cancellationToken);
            return HealthCheckResult.Healthy("The event log answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception may name the server and user: logs only, not the health response.
            LogUnreachable(logger, ex);
            return HealthCheckResult.Unhealthy("The event log does not answer; see the process log.");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Readiness: the event log does not answer")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
