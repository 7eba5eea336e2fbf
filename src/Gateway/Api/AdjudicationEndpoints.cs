using System.Text.Json;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// Exercise control's adjudication review queue (docs/adjudication.md, "Review before release"): read the held
/// outcomes, approve, amend or void one with a rationale, release the results. The verdicts go through the same
/// commands as <c>POST /commands</c> (<c>exercise.reviewOutcome</c>, <c>exercise.releaseResults</c>), so the rules, the
/// refusals and the retry-once guarantee are the exercise grain's.
/// </summary>
public static class AdjudicationEndpoints
{
    /// <summary>A verdict: <c>approve</c>, <c>amend</c> (with <c>effects</c>) or <c>void</c>; a rationale is required to amend or void.</summary>
    public sealed record VerdictRequest(string? CommandId = null, string? Verdict = null, string? Rationale = null, JsonElement? Effects = null);

    public sealed record ReleaseRequest(string? CommandId = null, int? ExpectedTurn = null);

    public static void MapAdjudicationEndpoints(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/api/exercises/{exerciseId}/adjudication");

        queue.MapGet("", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
                await grains.GetGrain<IExerciseGrain>(exerciseId).GetAdjudicationQueue(who.Participant) is { } view
                    ? TypedResults.Ok(view)
                    : Problems.Forbidden("Only exercise control sees the adjudications held for review.")));

        queue.MapPost("/outcomes/{outcomeId}", (string exerciseId, string outcomeId, VerdictRequest? request, HttpContext http, AccessGuard guard, CommandDispatcher dispatcher) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, who =>
            {
                var args = new Dictionary<string, object?>
                {
                    ["outcomeId"] = outcomeId,
                    ["verdict"] = request?.Verdict,
                    ["rationale"] = request?.Rationale,
                    ["effects"] = request?.Effects,
                };
                return Send(dispatcher, who, request?.CommandId, "exercise.reviewOutcome", args);
            }));

        queue.MapPost("/release", (string exerciseId, ReleaseRequest? request, HttpContext http, AccessGuard guard, CommandDispatcher dispatcher) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, who =>
                Send(dispatcher, who, request?.CommandId, "exercise.releaseResults", new { expectedTurn = request?.ExpectedTurn })));
    }

    private static async Task<IResult> Send(CommandDispatcher dispatcher, ExerciseIdentity who, string? commandId, string type, object args)
    {
        var envelope = new CommandEnvelope(commandId ?? $"adjudication-{Guid.NewGuid():N}", type, JsonSerializer.SerializeToElement(args, GatewayJson.Options));
        var reply = await dispatcher.Dispatch(who, envelope);
        return reply switch
        {
            { Accepted: true } => TypedResults.Ok(reply),
            { Problem.Code: "malformed" } p => Problems.BadRequest(p.Problem!.Message, p.Problem.Field, p.Problem.Allowed),
            _ => Problems.Rejected(new Rejection(reply.Problem!.Code, reply.Problem.Message, reply.Problem.Field, reply.Problem.Allowed)),
        };
    }
}
