using System.Text.Json;
using CrisisGrid.Gateway.Api;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Writes an RFC 9457 problem document straight to the response, whatever the client's Accept header says: an error
/// must always be readable as problem details (ASP.NET's own writer falls back to text/plain for some Accept values).
/// Also used for answers given before routing (origin check, rate limiter, unsupported bodies).
/// </summary>
public static class ProblemBody
{
    public const string ContentType = "application/problem+json";

    public static Task Write(HttpContext http, int status, string code, string title, string detail, string? field = null, string? allowed = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        var bytes = Bytes(status, code, title, detail, field, allowed);
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes).AsTask();
    }

    public static byte[] Bytes(int status, string code, string title, string detail, string? field = null, string? allowed = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["type"] = Problems.TypeBase + code,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
            ["field"] = field,
            ["allowed"] = allowed,
        });

    /// <summary>The problem for a status answered without one of our own (Kestrel, authentication, routing).</summary>
    public static (string Code, string Title, string Detail) ForStatus(int status, string path, KestrelServerLimits limits) => status switch
    {
        400 => ("malformed", "Malformed request", "The request could not be read: its address, headers or body are not valid HTTP or JSON."),
        401 when path.StartsWith("/ops", StringComparison.OrdinalIgnoreCase) =>
            ("unauthenticated", "Operator key required", "Operator endpoints need a valid operator key in the X-Operator-Key header."),
        401 => ("unauthenticated", "Join first", "Exchange a join code for a token at POST /api/join and send it as 'Authorization: Bearer <token>'."),
        403 => ("forbidden", "Not allowed", "You may not do this with the credentials you sent."),
        404 => ("not-found", "Not found", "There is nothing at this address. The API is under /api: /api/scenarios, /api/exercises, /api/join."),
        405 => ("method-not-allowed", "Method not allowed", "This address does not accept that HTTP method."),
        406 => ("not-acceptable", "Not acceptable", "Answers are JSON: accept application/json."),
        408 => ("timeout", "Request too slow", "The request did not arrive in time; send it again."),
        411 => ("length-required", "Length required", "Say how long the body is (Content-Length) or send it chunked."),
        413 => ("too-large", "Request too large", $"The request body is larger than the gateway accepts (at most {limits.MaxRequestBodySize} bytes)."),
        414 => ("uri-too-long", "Address too long", $"The request line is longer than the gateway accepts (at most {limits.MaxRequestLineSize} bytes): shorten the path or query."),
        415 => ("unsupported-media-type", "Unsupported media type", "Send the body as JSON in UTF-8, with 'Content-Type: application/json'."),
        429 => ("rate-limited", "Too many requests", "Too many requests from your address; wait for the time in Retry-After and try again."),
        431 => ("headers-too-large", "Headers too large", $"The request headers are larger than the gateway accepts (at most {limits.MaxRequestHeadersTotalSize} bytes in total, {limits.MaxRequestHeaderCount} headers)."),
        >= 500 => ("server-fault", "Server fault", "The gateway failed to answer; the fault is ours. Try again, and tell the operators if it persists."),
        _ => ("client-error", "Request refused", "The request was refused."),
    };
}
