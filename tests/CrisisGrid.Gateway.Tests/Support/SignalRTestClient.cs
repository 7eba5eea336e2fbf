using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Live;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// A live connection for tests, on the official .NET SignalR client (<see cref="HubConnection"/>, JSON protocol,
/// WebSockets after negotiation, the token from an access token provider). On top of it: pushes are queued so a test can
/// take them in order (<see cref="Next{T}"/>, <see cref="Drain{T}"/>), every message the server sent is kept as its JSON
/// text (<see cref="RawReceived"/>, for leak searches), and failures become <see cref="HubError"/> with the server's words.
/// It keeps the name and members of the hand-written protocol client it replaced, so the tests did not change. No test
/// needs a raw WebSocket: malformed arguments go through <see cref="InvokeWithArguments"/> as JSON of the wrong shape.
/// </summary>
public sealed class SignalRTestClient : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);
    private readonly HubConnection _connection;
    private readonly Channel<(string Target, JsonElement Argument)> _received = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly ConcurrentQueue<string> _raw;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SignalRTestClient(HubConnection connection, ConcurrentQueue<string> raw)
    {
        _connection = connection;
        _raw = raw;
        _connection.Closed += error =>
        {
            CloseError = error?.Message;
            _received.Writer.TryComplete();
            _closed.TrySetResult();
            return Task.CompletedTask;
        };

        // Every method the hub can push (IExerciseClient), queued as JSON in arrival order; tests choose the type.
        foreach (var method in typeof(IExerciseClient).GetMethods())
        {
            var target = method.Name;
            _connection.On(target, [typeof(JsonElement)], arguments =>
            {
                _received.Writer.TryWrite((target, (JsonElement)arguments[0]!));
                return Task.CompletedTask;
            });
        }
    }

    public bool IsClosed => _connection.State == HubConnectionState.Disconnected;

    /// <summary>Why the server closed the connection, when it said (the client's wording includes the server's).</summary>
    public string? CloseError { get; private set; }

    /// <summary>Every message the server sent, as the JSON text on the wire (pings excepted): for searching leaks.</summary>
    public IReadOnlyCollection<string> RawReceived => _raw;

    /// <summary>Completes when the connection has closed (the server closed it, or it dropped).</summary>
    public Task Closed => _closed.Task;

    /// <param name="origin">An Origin header on every request, as a browser on that page would send (null: none, as native clients).</param>
    /// <exception cref="HubRefusedException">The gateway refused the connection (e.g. 401 without a token, 403 for a foreign origin).</exception>
    public static async Task<SignalRTestClient> ConnectAsync(Uri baseAddress, string? accessToken, string? origin = null)
    {
        var raw = new ConcurrentQueue<string>();
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, GatewayApp.HubPath), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult(accessToken);
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin; // sent on negotiation and on the WebSocket upgrade
                }
            });
        var json = new JsonHubProtocolOptions();
        GatewayJson.Apply(json.PayloadSerializerOptions);
        builder.Services.AddSingleton<IHubProtocol>(new RecordingHubProtocol(new JsonHubProtocol(Options.Create(json)), raw));

        var client = new SignalRTestClient(builder.Build(), raw);
        try
        {
            await client._connection.StartAsync();
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status)
        {
            await client._connection.DisposeAsync();
            throw new HubRefusedException(status, ex);
        }

        return client;
    }

    /// <summary>Invokes a hub method and returns its result, or throws <see cref="HubError"/> with the server's message.</summary>
    public async Task<T> Invoke<T>(string method, params object?[] arguments) =>
        (T)(await Call(method, typeof(T), arguments))!;

    /// <summary>Invokes a hub method and returns its result as JSON (null when it returned nothing).</summary>
    public async Task<JsonNode?> InvokeRaw(string method, params object?[] arguments)
    {
        var result = (JsonElement?)await Call(method, typeof(JsonElement), arguments);
        return result is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element ? JsonNode.Parse(element.GetRawText()) : null;
    }

    /// <summary>
    /// Invokes a hub method with its arguments exactly as given, e.g. of the wrong types (for malformed-argument tests):
    /// each element of <paramref name="arguments"/> is written as it is into the invocation's argument array.
    /// </summary>
    public Task<JsonNode?> InvokeWithArguments(string method, JsonNode arguments) =>
        InvokeRaw(method, [.. arguments.AsArray().Select(a => a?.DeepClone())]);

    /// <summary>The next server-to-client invocation of <paramref name="target"/>, within the timeout.</summary>
    public async Task<T> Next<T>(string target, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (name, argument) = await _received.Reader.ReadAsync(cts.Token);
            if (name == target)
            {
                return argument.Deserialize<T>(GatewayJson.Options)!;
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
                items.Add(message.Argument.Deserialize<T>(GatewayJson.Options)!);
            }
        }

        return items;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private async Task<object?> Call(string method, Type result, object?[] arguments)
    {
        try
        {
            return await _connection.InvokeCoreAsync(method, result, arguments).WaitAsync(CallTimeout);
        }
        catch (HubException ex)
        {
            throw new HubError(ex.Message, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or IOException)
        {
            // The connection closed under the call (or before it): the server's reason is the answer. The client fails
            // outstanding calls before it reports the close, so wait for that report rather than read the state now.
            if (!await ClosesWithin(CallTimeout))
            {
                throw;
            }

            throw new HubError(CloseError ?? "The connection closed.", ex);
        }
    }

    private async Task<bool> ClosesWithin(TimeSpan timeout)
    {
        try
        {
            await Closed.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>SignalR's JSON protocol, keeping the text of every message it parses (pings excepted).</summary>
    private sealed class RecordingHubProtocol(JsonHubProtocol json, ConcurrentQueue<string> raw) : IHubProtocol
    {
        public string Name => json.Name;

        public int Version => json.Version;

        public TransferFormat TransferFormat => json.TransferFormat;

        public bool IsVersionSupported(int version) => json.IsVersionSupported(version);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => json.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => json.GetMessageBytes(message);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
        {
            var before = input;
            if (!json.TryParseMessage(ref input, binder, out message))
            {
                return false;
            }

            if (message is not PingMessage)
            {
                raw.Enqueue(Encoding.UTF8.GetString(before.Slice(before.Start, input.Start)).TrimEnd('\u001e'));
            }

            return true;
        }
    }
}

/// <summary>An error the hub returned for an invocation, or the reason the connection closed under it.</summary>
public sealed class HubError : Exception
{
    public HubError() { }

    public HubError(string message) : base(message) { }

    public HubError(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The gateway refused the connection, with <see cref="Status"/>.</summary>
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
