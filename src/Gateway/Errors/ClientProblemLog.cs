using System.Collections.Concurrent;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Logs what clients cause (malformed input, refusals, rate limits) at information or warning level, at most
/// <see cref="PerClientPerMinute"/> lines per client a minute, so that one flooding client cannot fill the log; the
/// number left out is reported with the next line. Errors stay for the server's own faults. Callers pass only the
/// method, the path without its query (which can hold a token) and the problem's code: never tokens or join codes.
/// </summary>
public sealed partial class ClientProblemLog(ILogger<ClientProblemLog> logger, TimeProvider time)
{
    public const int PerClientPerMinute = 10;
    private const int MaxTrackedClients = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void Report(string client, LogLevel level, string what, string code)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > MaxTrackedClients)
        {
            _windows.Clear(); // a flood of distinct clients: forget the counts rather than grow without bound
        }

        var window = _windows.AddOrUpdate(
            client,
            _ => new Window(now, 1, 0),
            (_, w) => now - w.Start >= TimeSpan.FromMinutes(1) ? new Window(now, 1, w.Count > PerClientPerMinute ? w.Count - PerClientPerMinute : 0) : w with { Count = w.Count + 1 });
        if (window.Count <= PerClientPerMinute)
        {
            ClientCaused(logger, level, client, what, code, window.Suppressed);
        }
    }

    [LoggerMessage(EventId = 4000, Message = "Client {Client}: {What} was refused ({Code}); {Suppressed} similar line(s) left out in the previous minute")]
    private static partial void ClientCaused(ILogger logger, LogLevel level, string client, string what, string code, int suppressed);

    private sealed record Window(DateTimeOffset Start, int Count, int Suppressed);
}
