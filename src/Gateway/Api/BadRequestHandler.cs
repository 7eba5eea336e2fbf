using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// Turns a request body that cannot be read (not JSON, wrong types, unknown or missing fields) into a problem document
/// that says what and where, instead of a bare 400.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 1 } path ? path[2..] : null;
        var detail = json is null ? bad.Message : json.Message.Split(" Path:")[0];
        await Problems.BadRequest(detail, field).ExecuteAsync(httpContext);
        return true;
    }
}
