using System.Text.Json;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Gateway.Commands;

/// <summary>
/// A command as clients send it, over HTTP or the hub: <c>{"commandId": "…", "type": "exercise.advance", "args": {…}}</c>.
/// The command id is the client's: sending the same one again is a retry, applied once.
/// </summary>
public sealed record CommandEnvelope(string CommandId, string Type, JsonElement? Args = null)
{
    private static readonly string[] Fields = ["commandId", "type", "args"];

    /// <summary>Reads an envelope field by field, so a problem names the exact field (the binder only says "bad JSON").</summary>
    public static CommandEnvelope? Parse(JsonElement body, out CommandReply? problem)
    {
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = CommandReply.Malformed("A command is a JSON object.", null, "{\"commandId\": …, \"type\": …, \"args\": {…}}");
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                problem = CommandReply.Malformed($"Unknown field '{property.Name}'.", property.Name, string.Join(", ", Fields));
                return null;
            }
        }

        var commandId = body.TryGetProperty("commandId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : null;
        var type = body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        var args = body.TryGetProperty("args", out var a) ? a.Clone() : (JsonElement?)null;
        return new CommandEnvelope(commandId!, type!, args);
    }
}

/// <summary>The answer to a command: accepted (with the sequence numbers it produced) or refused (with the problem).</summary>
public sealed record CommandReply(
    bool Accepted,
    bool Duplicate,
    long? FirstSequence,
    long? LastSequence,
    string? Output,
    CommandProblem? Problem)
{
    public static CommandReply From(CommandResult result) => result.Accepted
        ? new(true, result.Duplicate, result.FirstSequence, result.LastSequence, result.Output, null)
        : new(false, false, null, null, null, new CommandProblem(result.Rejection!.Code, result.Rejection.Message, result.Rejection.Field, result.Rejection.Allowed));

    public static CommandReply Malformed(string message, string? field, string? allowed) =>
        new(false, false, null, null, null, new CommandProblem("malformed", message, field, allowed));
}

public sealed record CommandProblem(string Code, string Message, string? Field, string? Allowed);

/// <summary>Arguments of "nation.submitOrder": the nation defaults to the caller's own.</summary>
public sealed record SubmitOrderArgs(string OrderId, NationAction Action, string? Nation = null);

/// <summary>Arguments of "nation.withdrawOrder".</summary>
public sealed record WithdrawOrderArgs(string OrderId, string? Nation = null);
