using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Gives every error answered without a body (an authentication challenge, an unknown address, a wrong method, an
/// unsupported media type) a problem-details body in the domain's words, and logs each client-caused refusal through
/// <see cref="ClientProblemLog"/>. Runs outermost, so it sees what every other middleware answered.
/// </summary>
public sealed class EmptyErrorResponses(RequestDelegate next, ClientProblemLog log, IOptions<KestrelServerOptions> kestrel)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        var status = http.Response.StatusCode;
        if (status < 400)
        {
            return;
        }

        // Not started means no byte of a body was written (a body starts the response), whatever the content type says.
        if (!http.Response.HasStarted)
        {
            var (code, title, detail) = ProblemBody.ForStatus(status, http.Request.Path.Value ?? "", kestrel.Value.Limits);
            await ProblemBody.Write(http, status, code, title, detail);
        }

        if (status < 500)
        {
            // The route's pattern, never the path or query as sent: either can carry a token or a join code.
            log.Report(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", status == StatusCodes.Status429TooManyRequests ? LogLevel.Warning : LogLevel.Information,
                $"{Shorten(http.Request.Method)} {Route(http)}", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Route(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint route ? route.RoutePattern.RawText ?? "a route" : "an unknown address";

    private static string Shorten(string method) => method.Length > 16 ? method[..16] : method;
}
