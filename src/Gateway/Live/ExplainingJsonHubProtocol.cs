using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// SignalR's JSON hub protocol, except that arguments that do not fit a hub method are reported with what was wrong.
/// SignalR turns a binding failure into "Failed to invoke 'X' due to an error on the server." unless detailed errors
/// are on — which would also send clients the message of every unexpected exception. It does pass on the message of
/// a <see cref="HubException"/>, so binding failures are re-raised as one that names the method's parameters and the
/// problem. Hand-written because SignalR has no option for it; everything else is delegated unchanged.
/// </summary>
public sealed class ExplainingJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_json.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure && failure.BindingFailure.SourceException is not HubException)
        {
            var explained = new HubException($"The arguments do not fit {Signature(binder, failure.Target)}: {Reason(failure.BindingFailure.SourceException)}");
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(explained));
        }

        return true;
    }

    private static string Signature(IInvocationBinder binder, string target)
    {
        try
        {
            return $"{target}({string.Join(", ", binder.GetParameterTypes(target).Select(t => t.Name))})";
        }
        catch (HubException)
        {
            return target;
        }
    }

    // System.Text.Json's message says what did not fit (a value of the wrong type, an unknown field); SignalR's own says
    // when arguments are missing. The position in the text that System.Text.Json appends means nothing to the caller.
    private static string Reason(Exception exception)
    {
        var reason = exception;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            reason = e;
            if (e is System.Text.Json.JsonException)
            {
                break;
            }
        }

        var message = reason.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
