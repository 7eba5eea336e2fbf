using System.Text.Json;
using CrisisGrid.Gateway.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// Turns what a client caused but only surfaced as an exception into a problem document in the domain's words: a body
/// that cannot be bound (not JSON, wrong types, unknown or missing fields; 400, or 413 when too large) and an argument a
/// grain refuses (400). Never the exception's own message: it names .NET types.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await ProblemBody.Write(httpContext, StatusCodes.Status413PayloadTooLarge, "too-large", "Request too large", "The body is larger than the gateway accepts.");
                return true;
            case BadHttpRequestException { InnerException: JsonException or InvalidOperationException } bad:
                var (detail, field, allowed) = JsonProblemWords.Describe(bad.InnerException!);
                await Problems.BadRequest(detail, field, allowed).ExecuteAsync(httpContext);
                return true;
            case BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 && bad.StatusCode != StatusCodes.Status400BadRequest:
                var (code, title, words) = ProblemBody.ForStatus(bad.StatusCode, httpContext.Request.Path.Value ?? "", new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits());
                await ProblemBody.Write(httpContext, bad.StatusCode, code, title, words);
                return true;
            case BadHttpRequestException:
                await Problems.BadRequest("The request is missing its body, or a value in its address or query is not of the expected kind.", null,
                    "a JSON body where the endpoint takes one; whole numbers for 'after', 'max' and 'at'").ExecuteAsync(httpContext);
                return true;
            case ArgumentException argument:
                await Problems.BadRequest(argument.ParamName is { Length: > 0 } name ? $"The value of '{name}' is not valid here." : "An argument is not valid here.", argument.ParamName)
                    .ExecuteAsync(httpContext);
                return true;
            default:
                return false;
        }
    }
}
