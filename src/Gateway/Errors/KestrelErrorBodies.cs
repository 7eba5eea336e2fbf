using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Kestrel answers requests it cannot parse (a %00 in the path, a request line over its limit, 40 KB of headers) with
/// 400, 414 or 431 and an empty body, before any middleware runs, and has no hook to change that. This connection
/// middleware sits between Kestrel and the socket and gives exactly those answers a problem-details body: a 4xx with
/// "Content-Length: 0" and "Connection: close" and no content type, which the application never sends (its empty errors
/// are filled by <see cref="EmptyErrorResponses"/>). Everything else passes through unchanged.
/// </summary>
public static class KestrelErrorBodies
{
    public static void Use(ListenOptions listen, KestrelServerLimits limits) =>
        listen.Use(next => connection =>
        {
            connection.Transport = new Pipe(connection.Transport, new RewritingWriter(connection.Transport.Output, limits));
            return next(connection);
        });

    private sealed class Pipe(IDuplexPipe inner, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output => output;
    }

    /// <summary>Collects what Kestrel writes until it flushes, then passes it on (rewritten if it is a bare error).</summary>
    private sealed class RewritingWriter(PipeWriter inner, KestrelServerLimits limits) : PipeWriter
    {
        private const int LargestBareError = 1024;
        private static readonly byte[] EmptyLength = "\r\nContent-Length: 0\r\n"u8.ToArray();
        private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();
        private static readonly byte[] AnyContentType = "\r\nContent-Type:"u8.ToArray();
        private readonly ArrayBufferWriter<byte> _pending = new();

        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount;

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Forward();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Forward();
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Forward();
            return inner.FlushAsync(cancellationToken);
        }

        private void Forward()
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }

            var written = _pending.WrittenSpan;
            if (written.Length < LargestBareError && BareError(written) is { } status)
            {
                inner.Write(WithProblemBody(written, status));
            }
            else
            {
                inner.Write(written);
            }

            _pending.ResetWrittenCount();
        }

        private static int? BareError(ReadOnlySpan<byte> response)
        {
            if (!(response.StartsWith("HTTP/1.1 4"u8) || response.StartsWith("HTTP/1.0 4"u8)) || !response.EndsWith("\r\n\r\n"u8)
                || response.IndexOf(EmptyLength) < 0 || response.IndexOf(Close) < 0 || response.IndexOf(AnyContentType) >= 0)
            {
                return null;
            }

            return int.TryParse(response.Slice(9, 3), out var status) ? status : null;
        }

        private byte[] WithProblemBody(ReadOnlySpan<byte> response, int status)
        {
            var (code, title, detail) = ProblemBody.ForStatus(status, "", limits);
            var body = ProblemBody.Bytes(status, code, title, detail);
            var at = response.IndexOf(EmptyLength);
            var headers = Encoding.ASCII.GetBytes($"\r\nContent-Type: {ProblemBody.ContentType}\r\nContent-Length: {body.Length}\r\n");
            return [.. response[..at], .. headers, .. response[(at + EmptyLength.Length)..], .. body];
        }
    }
}
