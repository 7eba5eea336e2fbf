using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using CrisisGrid.Gateway.Errors;
using CrisisGrid.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// SignalR's JSON hub protocol, except that arguments that do not fit a hub method are reported with what was wrong.
/// SignalR turns a binding failure into "Failed to invoke 'X' due to an error on the server." unless detailed errors
/// are on — which would also send clients the message of every unexpected exception. It does pass on the message of
/// a <see cref="HubException"/>, so binding failures are re-raised as one that names the method's parameters and the
/// problem. Hand-written because SignalR has no option for it; everything else is delegated unchanged.
/// </summary>
public sealed class ExplainingJsonHubProtocol(IOptions<JsonHubProtocolOptions> options, IOptions<GatewayOptions> gateway) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(InWords(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(InWords(message));

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var before = input.Length;
        if (!_json.TryParseMessage(ref input, binder, out message))
        {
            // A complete message of a type the protocol ignores (e.g. 99) is consumed yet reported as "no message";
            // with a maximum message size set, SignalR then re-reads it forever and the connection stops answering.
            // Reporting it as a ping (which the server ignores) lets the next message through.
            if (input.Length < before)
            {
                message = PingMessage.Instance;
                return true;
            }

            return false;
        }

        if (message is InvocationBindingFailureMessage failure && failure.BindingFailure.SourceException is not HubException)
        {
            var explained = new HubException($"The arguments do not fit {HubErrorWords.Signature(failure.Target)}: {JsonProblemWords.Describe(failure.BindingFailure.SourceException, subject: "The argument").Detail}");
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(explained));
        }

        return true;
    }

    // Errors leave the gateway without exception types or .NET messages (see HubErrorWords).
    private HubMessage InWords(HubMessage message) => message switch
    {
        CompletionMessage { Error: { } error } completion => CompletionMessage.WithError(completion.InvocationId!, HubErrorWords.Rewrite(error)),
        CloseMessage { Error: { } error } close => new CloseMessage(HubErrorWords.RewriteClose(error, gateway.Value.Limits.MaxMessageBytes), close.AllowReconnect),
        _ => message,
    };
}
