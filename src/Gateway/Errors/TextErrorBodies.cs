using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// SignalR answers mistakes on its HTTP endpoints (a GET to negotiate, an unknown connection id) with its own
/// text/plain body. This stream stands in for the response body on those endpoints: when the first byte of an error
/// answer is written it writes a problem document instead and drops SignalR's text; any other answer (negotiation,
/// server-sent events, long polling) passes through untouched. Upgraded WebSocket requests are never wrapped.
/// </summary>
public sealed class TextErrorBodies(RequestDelegate next, Microsoft.Extensions.Options.IOptions<KestrelServerOptions> kestrel)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(GatewayApp.HubPath) || http.WebSockets.IsWebSocketRequest)
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        await using var guarded = new Guarded(http, original, kestrel.Value.Limits);
        http.Response.Body = guarded;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
    }

    private sealed class Guarded(HttpContext http, Stream inner, KestrelServerLimits limits) : Stream
    {
        private bool? _replaced;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _replaced == true ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _replaced ??= await ReplaceIfError();
            if (_replaced == false)
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private async Task<bool> ReplaceIfError()
        {
            var response = http.Response;
            if (response.StatusCode < 400 || response.HasStarted || response.ContentType?.StartsWith(ProblemBody.ContentType, StringComparison.Ordinal) == true)
            {
                return false;
            }

            var (code, title, detail) = response.StatusCode switch
            {
                StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "Method not allowed", "Negotiate a live connection with POST; open it with a WebSocket."),
                StatusCodes.Status404NotFound => ("not-found", "Not found", "There is no live connection with that id; negotiate a new one."),
                StatusCodes.Status400BadRequest => ("malformed", "Malformed request", "A live connection needs a connection id from negotiation, or a WebSocket upgrade."),
                _ => ProblemBody.ForStatus(response.StatusCode, http.Request.Path.Value ?? "", limits),
            };
            var bytes = ProblemBody.Bytes(response.StatusCode, code, title, detail);
            response.ContentType = ProblemBody.ContentType;
            response.ContentLength = bytes.Length;
            await inner.WriteAsync(bytes);
            return true;
        }
    }
}
