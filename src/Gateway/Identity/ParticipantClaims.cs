using System.Security.Claims;
using CrisisGrid.Grains.Access;

namespace CrisisGrid.Gateway.Identity;

/// <summary>The claims a join token carries, and the participant they describe.</summary>
public static class ParticipantClaims
{
    public const string Exercise = "crisisgrid:exercise";
    public const string Role = "crisisgrid:role";
    public const string Nation = "crisisgrid:nation";
    public const string Code = "crisisgrid:code";

    public static ClaimsPrincipal Principal(string exerciseId, string codeId, JoinGrant grant, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"{exerciseId}/{codeId}"),
            new(Exercise, exerciseId),
            new(Role, grant.Role.ToString()),
            new(Code, codeId),
        };
        if (grant.Nation is not null)
        {
            claims.Add(new Claim(Nation, grant.Nation));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The exercise identity in a principal, or null for anonymous callers and operators.</summary>
    public static ExerciseIdentity? Read(ClaimsPrincipal user)
    {
        var exercise = user.FindFirstValue(Exercise);
        var code = user.FindFirstValue(Code);
        if (exercise is null || code is null || !Enum.TryParse<ParticipantRole>(user.FindFirstValue(Role), out var role) || role == ParticipantRole.System)
        {
            return null;
        }

        return new ExerciseIdentity(exercise, code, new Participant(role, user.FindFirstValue(Nation)));
    }
}

/// <summary>Who a caller is inside one exercise, as proven by a join token.</summary>
public sealed record ExerciseIdentity(string ExerciseId, string CodeId, Participant Participant);
