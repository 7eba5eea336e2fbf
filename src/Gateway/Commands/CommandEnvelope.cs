using System.Text.Json;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Gateway.Commands;

/// <summary>
/// A command as clients send it, over HTTP or the hub: <c>{"commandId": "…", "type": "exercise.advance", "args": {…}}</c>.
/// The command id is the client's: sending the same one again is a retry, applied once.
/// </summary>
public sealed record CommandEnvelope(string CommandId, string Type, JsonElement? Args = null);

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
