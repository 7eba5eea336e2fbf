using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CrisisGrid.Gateway.Hosting;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// A small client for SignalR's JSON hub protocol over WebSockets (handshake, invocations, completions, server
/// invocations, pings), because Microsoft.AspNetCore.SignalR.Client does not restore from the registry copy.
/// It connects straight to the WebSocket transport (skipping negotiation), as the official clients can.
/// </summary>
public sealed class SignalRTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Channel<(string Target, JsonArray Arguments)> _received = Channel.CreateUnbounded<(string, JsonArray)>();
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentQueue<string> _raw = new();
    private readonly StringBuilder _pendingText = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private Task? _reader;
    private int _invocations;
    private int _disposed;

    public bool IsClosed => _socket.State != WebSocketState.Open;

    /// <summary>Why the server closed the connection, when it said.</summary>
    public string? CloseError { get; private set; }

    /// <summary>Every message the server sent, as the JSON text on the wire (pings excepted): for searching leaks.</summary>
    public IReadOnlyCollection<string> RawReceived => _raw;

    /// <summary>Completes when the connection has closed (the server closed it, or it dropped).</summary>
    public Task Closed => _reader ?? Task.CompletedTask;

    public static async Task<SignalRTestClient> ConnectAsync(Uri baseAddress, string? accessToken, string? origin = null)
    {
        var client = new SignalRTestClient();
        client._socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }

        var query = accessToken is null ? "" : $"?access_token={Uri.EscapeDataString(accessToken)}";
        var uri = new Uri($"ws://{baseAddress.Authority}{GatewayApp.HubPath}{query}");
        try
        {
            await client._socket.ConnectAsync(uri, CancellationToken.None);
        }
        catch (WebSocketException ex)
        {
            var status = client._socket.HttpStatusCode;
            client._socket.Dispose();
            throw new HubRefusedException(status, ex);
        }

        await client.SendRaw(new JsonObject { ["protocol"] = "json", ["version"] = 1 });
        var handshake = await client.ReceiveMessages().FirstAsync();
        if (handshake["error"] is { } error)
        {
            throw new InvalidOperationException($"Handshake refused: {error}");
        }

        client._reader = client.ReadLoop();
        return client;
    }

    /// <summary>Invokes a hub method and returns its result, or throws <see cref="HubError"/> with the server's message.</summary>
    public async Task<T> Invoke<T>(string method, params object?[] arguments)
    {
        var result = await InvokeRaw(method, arguments);
        return result is null ? default! : result.Deserialize<T>(GatewayJson.Options)!;
    }

    public Task<JsonNode?> InvokeRaw(string method, params object?[] arguments) =>
        InvokeWithArguments(method, JsonSerializer.SerializeToNode(arguments, GatewayJson.Options)!);

    /// <summary>Invokes a hub method with its arguments as given, e.g. of the wrong types (for malformed-argument tests).</summary>
    public async Task<JsonNode?> InvokeWithArguments(string method, JsonNode arguments)
    {
        var id = Interlocked.Increment(ref _invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendRaw(new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = arguments,
        });
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Sends raw text as one hub message (for malformed and oversized payload tests).</summary>
    public Task SendText(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next server-to-client invocation of <paramref name="target"/>, within the timeout.</summary>
    public async Task<T> Next<T>(string target, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (name, arguments) = await _received.Reader.ReadAsync(cts.Token);
            if (name == target)
            {
                return arguments[0].Deserialize<T>(GatewayJson.Options)!;
            }
        }
    }

    /// <summary>Every server invocation of <paramref name="target"/> received so far, without waiting.</summary>
    public List<T> Drain<T>(string target)
    {
        var items = new List<T>();
        while (_received.Reader.TryRead(out var message))
        {
            if (message.Target == target)
            {
                items.Add(message.Arguments[0].Deserialize<T>(GatewayJson.Options)!);
            }
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // the server may already be gone
            }
        }

        if (_reader is not null)
        {
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private Task SendRaw(JsonNode message) => SendText(message.ToJsonString());

    private async Task ReadLoop()
    {
        try
        {
            await foreach (var message in ReceiveMessages())
            {
                switch ((int?)message["type"])
                {
                    case 1:
                        _received.Writer.TryWrite(((string)message["target"]!, (JsonArray)message["arguments"]!));
                        break;
                    case 3 when _pending.TryRemove((string)message["invocationId"]!, out var completion):
                        if (message["error"] is { } error)
                        {
                            completion.TrySetException(new HubError((string)error!));
                        }
                        else
                        {
                            completion.TrySetResult(message["result"]?.DeepClone());
                        }

                        break;
                    case 7:
                        CloseError = (string?)message["error"];
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // connection gone
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new HubError(CloseError ?? "The connection closed."));
            }

            _received.Writer.TryComplete();
        }
    }

    // The text received but not yet handed out lives in the client, not in one enumeration: the handshake reply can
    // arrive in the same read as the next message (e.g. the close that refuses the connection), which must not be lost.
    private async IAsyncEnumerable<JsonNode> ReceiveMessages()
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (!_closing.IsCancellationRequested)
        {
            while (TakeRecord() is { } json)
            {
                if (JsonNode.Parse(json) is { } node && (int?)node["type"] != 6)
                {
                    _raw.Enqueue(json);
                    yield return node;
                }
            }

            var result = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            _pendingText.Append(chars, 0, _decoder.GetChars(buffer, 0, result.Count, chars, 0));
        }
    }

    private string? TakeRecord()
    {
        var content = _pendingText.ToString();
        var separator = content.IndexOf(RecordSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return null;
        }

        _pendingText.Remove(0, separator + 1);
        return content[..separator];
    }
}

/// <summary>An error the hub returned for an invocation.</summary>
public sealed class HubError : Exception
{
    public HubError() { }

    public HubError(string message) : base(message) { }

    public HubError(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The server refused the WebSocket upgrade, with <see cref="Status"/>.</summary>
public sealed class HubRefusedException : Exception
{
    public HubRefusedException() { }

    public HubRefusedException(string message) : base(message) { }

    public HubRefusedException(string message, Exception inner) : base(message, inner) { }

    public HubRefusedException(System.Net.HttpStatusCode status, Exception inner)
        : base($"The hub refused the connection: {(int)status} {status}.", inner)
    {
        Status = status;
    }

    public System.Net.HttpStatusCode Status { get; }
}
