using CrisisGrid.Grains.Events;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>
/// Retries a grain call that failed because a silo died or an activation was stale, until the cluster has noticed
/// (membership declares the silo dead and the grain reactivates on a survivor). Only for idempotent calls: commands
/// carry the client's command id, so a retry of one that did land is answered with its first outcome.
/// </summary>
public static class SiloLossRetry
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    /// <summary>How long to keep trying: long enough for membership to declare a killed silo dead.</summary>
    public static TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(45);

    public static async Task<T> Run<T>(Func<Task<T>> call, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsSiloLoss(ex) && DateTimeOffset.UtcNow - started < Patience)
            {
                logger?.LogInformation("A grain call failed with {Error}; retrying (attempt {Attempt})", ex.GetType().Name, attempt + 1);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], cancellationToken);
            }
        }
    }

    /// <summary>Failures that say "try again": a silo is gone or going, or another activation wrote first.</summary>
    public static bool IsSiloLoss(Exception ex) => ex switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException or EventLogConcurrencyException => true,
        GatewayTooBusyException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsSiloLoss(aggregate.InnerExceptions[0]),
        _ => ex.InnerException is { } inner && IsSiloLoss(inner),
    };
}
