using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrisisGrid.Gateway.Errors;

/// <summary>How the gateway answers what clients get wrong: problem details on every path, and logs that a client cannot flood.</summary>
public static class GatewayErrors
{
    public static void AddGatewayErrors(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClientProblemLog>();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen => KestrelErrorBodies.Use(listen, k.Limits)));

        // SignalR logs every exception from a hub method at error level, refusals included (one flooding client filled
        // the log with rate-limit errors). GatewayHubFilter logs refusals through ClientProblemLog and faults as errors.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
    }

    /// <summary>Outermost: fills every error answered without a body and logs what clients caused.</summary>
    public static void UseEmptyErrorResponses(this WebApplication app)
    {
        app.UseMiddleware<EmptyErrorResponses>();
        app.UseMiddleware<TextErrorBodies>();
    }

    /// <summary>After authentication and rate limiting: bodies are JSON in UTF-8 and within bounds before endpoints bind them.</summary>
    public static void UseJsonBodyGuard(this WebApplication app) => app.UseMiddleware<JsonBodyGuard>();

    /// <summary>A refusal by the rate limiter: 429 with Retry-After and a problem naming the limit.</summary>
    public static void AnswerRateLimits(RateLimiterOptions limiter, int joinAttemptsPerMinute) =>
        limiter.OnRejected = (context, cancel) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
            context.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            return new ValueTask(ProblemBody.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many attempts",
                $"At most {joinAttemptsPerMinute} join attempts a minute from one address; try again in {retry} seconds.", null, $"{joinAttemptsPerMinute} a minute"));
        };

    /// <summary>A page from a foreign site trying to open a live connection.</summary>
    public static Task RefuseOrigin(HttpContext http) =>
        ProblemBody.Write(http, StatusCodes.Status403Forbidden, "origin-not-allowed", "Origin not allowed",
            "Live connections are accepted only from the exercise's own web client and the origins its operators configured.", "Origin", "the gateway's own address or a configured origin");
}
