using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Access;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Api;

/// <summary>Exchanging a join code for a bearer token, refreshing it, and asking who you are.</summary>
public static class JoinEndpoints
{
    public const string RateLimitPolicy = "join";

    public sealed record JoinRequest(string Code);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record Me(string ExerciseId, string Role, string? Nation, string CodeId);

    public static void MapJoinEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/join", Join).RequireRateLimiting(RateLimitPolicy).AllowAnonymous();
        app.MapPost("/api/join/refresh", Refresh).RequireRateLimiting(RateLimitPolicy).AllowAnonymous();
        app.MapGet("/api/me", (HttpContext http) => ParticipantClaims.Read(http.User) is { } me
                ? Results.Ok(new Me(me.ExerciseId, me.Participant.Role.ToString().ToLowerInvariant(), me.Participant.Nation, me.CodeId))
                : Results.Unauthorized())
            .RequireAuthorization();
    }

    private static async Task<IResult> Join(JoinRequest? request, IGrainFactory grains)
    {
        if (request?.Code is not { Length: > 0 } code || JoinCodes.Normalize(code).Length != 12)
        {
            return Problems.BadRequest("A join code has 12 letters and digits, like ABCD-EFGH-JKMN.", "code", "a join code from exercise control");
        }

        var hash = JoinCodes.Hash(code);
        var exerciseId = await grains.GetGrain<IJoinCodeDirectoryGrain>(hash).Resolve();
        var grant = exerciseId is null ? null : await grains.GetGrain<IExerciseAccessGrain>(exerciseId).Redeem(hash);
        if (exerciseId is null || grant is null)
        {
            return Problems.Forbidden("This join code is not valid (mistyped, or revoked by exercise control).");
        }

        return Results.SignIn(
            ParticipantClaims.Principal(exerciseId, grant.Value.CodeId, grant.Value.Grant, BearerTokenDefaults.AuthenticationScheme),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Refresh(RefreshRequest? request, IOptionsMonitor<BearerTokenOptions> options, AccessGuard guard, TimeProvider time)
    {
        var protector = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector;
        var ticket = request?.RefreshToken is { Length: > 0 } token ? protector.Unprotect(token) : null;
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < time.GetUtcNow()
            || ParticipantClaims.Read(ticket.Principal) is not { } identity || !await guard.IsActive(identity))
        {
            return Problems.Forbidden("This refresh token is not valid any more; join again with a code.");
        }

        return Results.SignIn(ticket.Principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
