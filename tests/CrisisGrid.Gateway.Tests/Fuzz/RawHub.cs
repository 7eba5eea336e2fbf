using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>What the hub answered to one raw message: a completion (result or error), a close, or nothing in time.</summary>
public sealed record HubAnswer(JsonNode? Result, string? Error, bool Closed, string? CloseError, string Raw);

/// <summary>
/// A hub connection that sends any text as a message (frames the official clients never produce: stream ids on
/// Join, lone surrogates, broken JSON) and returns the server's answer to it as it arrived.
/// </summary>
public sealed class RawHub : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _buffer = new();

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<RawHub> Connect(Uri baseAddress, string token)
    {
        var hub = new RawHub();
        await hub._socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}{GatewayApp.HubPath}?access_token={Uri.EscapeDataString(token)}"), CancellationToken.None);
        await hub.SendText("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await hub.Next(TimeSpan.FromSeconds(10));
        if (handshake is null || handshake.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Handshake refused: {handshake}");
        }

        return hub;
    }

    public async Task SendText(string text)
    {
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text + Separator), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server closed the connection: what follows reports it as closed.
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the completion of <paramref name="invocationId"/> or a close.</summary>
    public async Task<HubAnswer> Exchange(string message, string invocationId, TimeSpan? timeout = null)
    {
        await SendText(message);
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            var text = await Next(until - DateTime.UtcNow);
            if (text is null)
            {
                return new HubAnswer(null, null, !IsOpen, null, "");
            }

            var node = JsonNode.Parse(text);
            switch ((int?)node?["type"])
            {
                case 3 when (string?)node!["invocationId"] == invocationId:
                    return new HubAnswer(node["result"], (string?)node["error"], false, null, text);
                case 7:
                    return new HubAnswer(null, null, true, (string?)node!["error"], text);
            }
        }

        return new HubAnswer(null, null, !IsOpen, null, "");
    }

    // The next complete message, or null when the connection closed or the time ran out.
    private async Task<string?> Next(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var text = _buffer.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _buffer.Remove(0, end + 1);
                return text[..end];
            }

            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(chunk, cancel.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return null;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Append(Encoding.UTF8.GetString(chunk, 0, received.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancel.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing a connection the server already dropped.
        }

        _socket.Dispose();
    }
}
