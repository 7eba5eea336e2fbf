using CrisisGrid.Gateway.Identity;

namespace CrisisGrid.Gateway.Api;

internal static class EndpointHelpers
{
    /// <summary>
    /// Runs <paramref name="action"/> for a caller whose token opens <paramref name="exerciseId"/>; otherwise answers
    /// 401 (no token) or 403 (a token for another exercise, or a revoked code).
    /// </summary>
    public static async Task<IResult> AsParticipant(HttpContext http, AccessGuard guard, string exerciseId, Func<ExerciseIdentity, Task<IResult>> action)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Join first", type: Problems.TypeBase + "unauthenticated",
                detail: "Exchange a join code for a token at POST /api/join and send it as 'Authorization: Bearer <token>'.");
        }

        var identity = await guard.Resolve(http.User, exerciseId);
        return identity is null
            ? Problems.Forbidden("Your token does not open this exercise (it belongs to another exercise, or its join code was revoked).")
            : await action(identity);
    }
}
