using System.Threading.RateLimiting;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// Runs before every hub method: a per-connection token bucket (so one client cannot flood the silo) and a check that
/// the connection's join code has not been revoked since it connected.
/// </summary>
public sealed class GatewayHubFilter(IOptions<GatewayOptions> options, LiveConnections connections, AccessGuard guard) : IHubFilter
{
    private const string LimiterKey = "crisisgrid:limiter";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var limiter = (RateLimiter)context.Items[LimiterKey]!;
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var limits = options.Value.Limits;
            throw new HubException($"Rate limit: at most {limits.MessagesPerSecond} messages per second per connection (bursts of {limits.MessageBurst}). Slow down and retry.");
        }

        if (connections.Identity(context.ConnectionId) is { } identity && !await guard.IsActive(identity))
        {
            context.Abort();
            throw new HubException("Your join code was revoked by exercise control.");
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var limits = options.Value.Limits;
        context.Context.Items[LimiterKey] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.MessageBurst,
            TokensPerPeriod = limits.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items[LimiterKey] is IDisposable limiter)
        {
            limiter.Dispose();
        }

        await next(context, exception);
    }
}
