using System.Threading.RateLimiting;
using CrisisGrid.Gateway.Errors;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// Runs before every hub method: a per-connection token bucket (so one client cannot flood the silo) and a check that
/// the connection's join code has not been revoked since it connected.
/// </summary>
public sealed partial class GatewayHubFilter(
    IOptions<GatewayOptions> options, LiveConnections connections, AccessGuard guard, ClientProblemLog problems, ILogger<GatewayHubFilter> logger) : IHubFilter
{
    private const string LimiterKey = "crisisgrid:limiter";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var limiter = (RateLimiter)context.Items[LimiterKey]!;
        using var lease = limiter.AttemptAcquire();
        var client = context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? context.ConnectionId;
        var method = invocationContext.HubMethodName;
        if (!lease.IsAcquired)
        {
            var limits = options.Value.Limits;
            problems.Report(client, LogLevel.Warning, $"hub call {method}", "rate-limited");
            throw new HubException($"Rate limit: at most {limits.MessagesPerSecond} messages per second per connection (bursts of {limits.MessageBurst}). Slow down and retry.");
        }

        if (connections.Identity(context.ConnectionId) is { } identity && !await guard.IsActive(identity))
        {
            context.Abort();
            problems.Report(client, LogLevel.Information, $"hub call {method}", "revoked");
            throw new HubException("Your join code was revoked by exercise control.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            problems.Report(client, LogLevel.Information, $"hub call {method}", "refused");
            throw;
        }
        catch (ArgumentException argument)
        {
            // A grain refusing an argument it cannot use: the client's doing, said without .NET's message.
            problems.Report(client, LogLevel.Information, $"hub call {method}", "invalid-argument");
            throw new HubException(argument.ParamName is { Length: > 0 } name ? $"The value of '{name}' is not valid here." : "An argument is not valid here.");
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // SignalR's own log of hub failures is silenced (it logs clients' mistakes as errors too): server faults are logged here.
            HubMethodFailed(logger, method, fault);
            throw;
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void HubMethodFailed(ILogger logger, string method, Exception fault);

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
