using CrisisGrid.Gateway.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Every request body to the API is JSON in UTF-8, within its endpoint's size and <see cref="InputLimits"/>, before any
/// endpoint binds it: otherwise the framework throws on an unknown charset ("charset=ebcdic") or on a lone surrogate,
/// which would be a 500. Refusals are problem details naming the limit: 413 too large, 415 not JSON or not UTF-8,
/// 400 malformed (with the field's path).
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HasBody(request) || !request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || Api.MselImportEndpoints.Handles(request.Path))
        {
            await next(http);
            return;
        }

        if (!IsJsonInUtf8(request.ContentType))
        {
            await ProblemBody.Write(http, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                "The API reads JSON in UTF-8 only; send 'Content-Type: application/json' (optionally '; charset=utf-8').", "Content-Type", "application/json; charset=utf-8");
            return;
        }

        var limit = LimitFor(request.Path);
        if (request.ContentLength > limit)
        {
            await TooLarge(http, limit);
            return;
        }

        byte[] body;
        try
        {
            body = await ReadAtMost(request.Body, limit, http.RequestAborted);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(http, limit);
            return;
        }

        if (body.Length > limit)
        {
            await TooLarge(http, limit);
            return;
        }

        if (body.Length > 0 && JsonShapeCheck.Check(body) is { } problem)
        {
            await ProblemBody.Write(http, StatusCodes.Status400BadRequest, "malformed", "Malformed request", problem.Detail, problem.Field, problem.Allowed);
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        await next(http);
    }

    private long LimitFor(PathString path)
    {
        var limits = options.Value.Limits;
        if (path.StartsWithSegments("/api/join"))
        {
            return InputLimits.MaxJoinBodyBytes;
        }

        // A command is the same size over HTTP as over the hub.
        return path.Value!.EndsWith("/commands", StringComparison.Ordinal) ? Math.Min(limits.MaxMessageBytes, limits.MaxRequestBodyBytes) : limits.MaxRequestBodyBytes;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool IsJsonInUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var json = media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static Task TooLarge(HttpContext http, long limit) =>
        ProblemBody.Write(http, StatusCodes.Status413PayloadTooLarge, "too-large", "Request too large",
            $"The body is larger than this endpoint accepts (at most {limit} bytes).", null, $"at most {limit} bytes");

    // Reads one byte past the limit at most, so an oversized chunked body is refused without being buffered whole.
    private static async Task<byte[]> ReadAtMost(Stream body, long limit, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
