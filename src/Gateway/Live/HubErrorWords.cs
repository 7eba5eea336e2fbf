using System.Text.RegularExpressions;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Errors;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// The error text of hub replies, in the domain's words. SignalR prefixes the message of a refusal with the exception's
/// type ("An unexpected error occurred invoking 'Join' on the server. HubException: Client sent 1 stream(s)…"); a
/// client should see only the reason, and for an unexpected fault only that the fault is the server's.
/// </summary>
public static partial class HubErrorWords
{
    public static string Methods => string.Join(", ", typeof(ExerciseHub).GetMethods().Where(m => m.DeclaringType == typeof(ExerciseHub) && !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Select(m => m.Name).Distinct());

    public static string Rewrite(string error)
    {
        if (Prefixed().Match(error) is not { Success: true } match)
        {
            return Generic(error);
        }

        var target = Shorten(match.Groups["target"].Value);
        var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value : null;
        return reason switch
        {
            null when match.Groups["kind"].Value == "Failed to invoke" => $"The arguments do not fit '{target}'.",
            null => $"The gateway could not complete '{target}'; the fault is the server's. Try again, and tell exercise control if it persists.",
            "Method does not exist." => $"There is no hub method '{target}'; the methods are {Methods}.",
            _ when reason.StartsWith("Client sent ", StringComparison.Ordinal) => $"'{target}' takes no streams; send its arguments in 'arguments' and no 'streamIds'.",
            _ when reason.Contains("Exception", StringComparison.Ordinal) => $"The request '{target}' could not be completed.",
            _ => reason,
        };
    }

    /// <summary>The reason a connection was closed, without exception types.</summary>
    public static string RewriteClose(string error, long maxMessageBytes)
    {
        if (error.Contains("maximum message size", StringComparison.OrdinalIgnoreCase))
        {
            return $"The connection was closed: a message was larger than the gateway accepts (at most {maxMessageBytes} bytes).";
        }

        if (ClosedByRefusal().Match(error) is { Success: true } refusal)
        {
            return refusal.Groups["reason"].Value;
        }

        return error.Contains("Exception", StringComparison.Ordinal) || error.StartsWith("Connection closed with an error", StringComparison.Ordinal)
            ? "The connection was closed: the gateway could not read a message (it must be a SignalR JSON hub message)."
            : error;
    }

    /// <summary>A hub method's signature in words, e.g. "Resync(afterSequence: a whole number)".</summary>
    public static string Signature(string target)
    {
        var method = typeof(ExerciseHub).GetMethods().FirstOrDefault(m => m.Name == target && m.DeclaringType == typeof(ExerciseHub));
        if (method is null)
        {
            return Shorten(target);
        }

        var parameters = method.GetParameters().Select(p => $"{p.Name}: {(p.ParameterType == typeof(CommandEnvelope) ? "a command {commandId, type, args}" : JsonProblemWords.Kind(p.ParameterType.FullName!).Kind)}");
        return $"{target}({string.Join(", ", parameters)})";
    }

    private static string Generic(string error) =>
        error.Contains("Exception", StringComparison.Ordinal) || error.Contains(" at ", StringComparison.Ordinal) && error.Contains("System.", StringComparison.Ordinal)
            ? "The request could not be completed."
            : error;

    private static string Shorten(string target) => target.Length > 60 ? target[..60] + "…" : target;

    [GeneratedRegex(@"^(?<kind>An unexpected error occurred invoking|Failed to invoke) '(?<target>.*)' (?:on the server|due to an error on the server)\.(?: \w*Exception: (?<reason>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"^Connection closed with an error\. HubException: (?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex ClosedByRefusal();
}
