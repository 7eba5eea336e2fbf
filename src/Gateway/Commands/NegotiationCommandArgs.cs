using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;

namespace CrisisGrid.Gateway.Commands;

/// <summary>
/// Arguments of "negotiation.*" commands: the session next to the command's own fields, e.g.
/// <c>{"session": "narvel-talks", "party": "LET", "version": 2}</c>. A team's "as" (the acting nation) defaults to
/// its own nation; the session grain still refuses a team acting as another nation.
/// </summary>
internal static class NegotiationCommandArgs
{
    public static (string Session, T Command) Read<T>(JsonElement args, ExerciseIdentity who, bool needsSession = true)
    {
        if (args.ValueKind != JsonValueKind.Object || JsonNode.Parse(args.GetRawText()) is not JsonObject fields)
        {
            throw new MalformedArgsException("Negotiation commands need arguments.", "args", "an object with 'session' and the command's fields");
        }

        var session = "";
        if (needsSession)
        {
            if (!fields.Remove("session", out var named) || named?.GetValueKind() != JsonValueKind.String)
            {
                throw new MalformedArgsException("Say which negotiation session the command is for.", "args.session", "a session id");
            }

            session = named.GetValue<string>();
        }

        if (!fields.ContainsKey("as") && who.Participant.Nation is { } nation)
        {
            fields["as"] = nation;
        }

        var command = fields.Deserialize<T>(GatewayJson.Options)
            ?? throw new MalformedArgsException("The arguments are null.", "args", "an object");
        return (session, command);
    }
}
