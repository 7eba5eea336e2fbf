using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;

namespace CrisisGrid.Gateway.Commands;

/// <summary>
/// Arguments of "alliance.*" commands: the alliance's code next to the command's own fields, e.g.
/// <c>{"alliance": "NSA", "draftId": "d1", "choice": "yes"}</c>. A team's "member" defaults to its own nation
/// (the alliance grain still refuses a team acting for another member).
/// </summary>
internal static class AllianceCommandArgs
{
    public static (string Alliance, T Command) Read<T>(JsonElement args, ExerciseIdentity who, bool defaultMember = true)
    {
        if (args.ValueKind != JsonValueKind.Object || JsonNode.Parse(args.GetRawText()) is not JsonObject fields)
        {
            throw new MalformedArgsException("Alliance commands need arguments.", "args", "an object with 'alliance' and the command's fields");
        }

        if (!fields.Remove("alliance", out var alliance) || alliance?.GetValueKind() != JsonValueKind.String)
        {
            throw new MalformedArgsException("Say which alliance the command is for.", "args.alliance", "an alliance code");
        }

        if (defaultMember && !fields.ContainsKey("member") && who.Participant.Nation is { } nation)
        {
            fields["member"] = nation;
        }

        var command = fields.Deserialize<T>(GatewayJson.Options)
            ?? throw new MalformedArgsException("The arguments are null.", "args", "an object");
        return (alliance.GetValue<string>(), command);
    }
}
