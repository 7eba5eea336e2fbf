using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Catalog;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios.Loading;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Api;

/// <summary>The exercise HTTP API: list and create exercises, read what your role may see, send commands.</summary>
public static class ExerciseEndpoints
{
    public sealed record CreateExerciseRequest(string? Name = null, string? ScenarioId = null, string? ScenarioYaml = null, long? Seed = null);

    public sealed record CreatedExercise(string ExerciseId, string Name, string FacilitatorCode);

    public static void MapExerciseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scenarios", async (IGrainFactory grains) => Results.Ok(await Scenarios(grains).List())).AllowAnonymous();
        app.MapGet("/api/exercises", async (IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IExerciseCatalogGrain>(ExerciseCatalog.Key).GetEntries())).AllowAnonymous();
        app.MapPost("/api/exercises", Create).AllowAnonymous();

        var exercise = app.MapGroup("/api/exercises/{exerciseId}");
        exercise.MapGet("", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
                Results.Ok(await grains.GetGrain<IExerciseFeedGrain>(exerciseId).GetSnapshot(who.Participant))));

        exercise.MapGet("/events", (string exerciseId, long? after, int? max, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                var feed = grains.GetGrain<IExerciseFeedGrain>(exerciseId);
                var events = await feed.Read(Math.Max(0, after ?? 0), Math.Clamp(max ?? 500, 1, 2000));
                var viewer = await feed.GetViewer(who.Participant);
                return Results.Ok(events.Where(e => e.Audience.Allows(viewer)));
            }));

        exercise.MapGet("/nations/{code}", (string exerciseId, string code, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                var nation = grains.GetGrain<INationGrain>(GrainKeys.Scoped(exerciseId, code));
                return (await nation.GetState()).Initialized
                    ? Results.Ok(await nation.GetView(await Effective(grains, exerciseId, who.Participant)))
                    : Problems.NotFound($"Exercise '{exerciseId}' has no nation '{code}'.");
            }));

        exercise.MapGet("/alliances/{code}", (string exerciseId, string code, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
                await grains.GetGrain<IAllianceGrain>(GrainKeys.Scoped(exerciseId, code)).GetView(await Effective(grains, exerciseId, who.Participant)) is { } view
                    ? Results.Ok(view)
                    : Problems.NotFound($"Exercise '{exerciseId}' has no alliance '{code}'.")));

        exercise.MapGet("/replay", (string exerciseId, long at, string? @as, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                if (!TryParseViewer(@as, who.Participant, out var viewer))
                {
                    return Problems.BadRequest($"'{@as}' is not a viewer.", "as", "facilitator, observer, or team:<NATION>");
                }

                var snapshot = await grains.GetGrain<IExerciseFeedGrain>(exerciseId).GetSnapshotAt(who.Participant, viewer, at);
                return snapshot is null
                    ? Problems.Forbidden("Replays are for exercise control, and for observers once the after-action review is open.")
                    : Results.Ok(snapshot);
            }));

        exercise.MapGet("/join-codes", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who => who.Participant.IsControl
                ? Results.Ok(await grains.GetGrain<IExerciseAccessGrain>(exerciseId).ListCodes(who.Participant))
                : Problems.Forbidden("Only exercise control sees the join codes.")));

        exercise.MapPost("/commands", (string exerciseId, System.Text.Json.JsonElement body, HttpContext http, AccessGuard guard, CommandDispatcher dispatcher) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                var command = CommandEnvelope.Parse(body, out var malformed);
                var reply = malformed ?? await dispatcher.Dispatch(who, command);
                return reply switch
                {
                    { Accepted: true } => Results.Ok(reply),
                    { Problem.Code: "malformed" } p => Problems.BadRequest(p.Problem!.Message, p.Problem.Field, p.Problem.Allowed),
                    _ => Problems.Rejected(new Rejection(reply.Problem!.Code, reply.Problem.Message, reply.Problem.Field, reply.Problem.Allowed)),
                };
            }));
    }

    private static async Task<IResult> Create(
        CreateExerciseRequest? request,
        HttpContext http,
        IOptions<GatewayOptions> options,
        IGrainFactory grains,
        ExerciseFactory factory)
    {
        if (!options.Value.OpenExerciseCreation && !http.User.IsInRole(OperatorAuthenticationHandler.Role))
        {
            return Problems.Forbidden("Only operators create exercises on this installation (send X-Operator-Key).");
        }

        if (request is null || (request.ScenarioId is null) == (request.ScenarioYaml is null))
        {
            return Problems.BadRequest("Name a bundled scenario or upload one, not both.", "scenarioId", await BundledIds(grains));
        }

        var library = Scenarios(grains);
        var loaded = request.ScenarioYaml is { } yaml ? await library.Load(yaml, "upload.yaml") : await library.Find(request.ScenarioId!);
        if (loaded is null)
        {
            return Problems.BadRequest($"No scenario '{request.ScenarioId}'.", "scenarioId", await BundledIds(grains));
        }

        if (!loaded.IsValid)
        {
            return Problems.Unprocessable(
                $"The scenario has {loaded.Problems.Count} problem(s); nothing was created.",
                [.. loaded.Problems.Select(p => new { p.File, p.Line, p.Column, p.Path, p.Message, p.Allowed, text = p.ToString() })]);
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? loaded.Scenario!.Title : request.Name.Trim();
        var created = await factory.Create(name, loaded.Scenario!, request.Seed);
        return created.Rejection is { } rejection
            ? Problems.Rejected(rejection)
            : Results.Created($"/api/exercises/{created.ExerciseId}", new CreatedExercise(created.ExerciseId, name, created.FacilitatorCode!));
    }

    /// <summary>
    /// The caller as the exercise treats it now: an observer gets the full view once the after-action review is open.
    /// Nation and alliance grains apply the view rules but do not know about the review; the exercise grain does.
    /// </summary>
    private static Task<Participant> Effective(IGrainFactory grains, string exerciseId, Participant caller) =>
        grains.GetGrain<IExerciseFeedGrain>(exerciseId).GetViewer(caller);

    private static IScenarioLibraryGrain Scenarios(IGrainFactory grains) => grains.GetGrain<IScenarioLibraryGrain>(0);

    private static async Task<string> BundledIds(IGrainFactory grains) => string.Join(", ", (await Scenarios(grains).List()).Select(s => s.Id));

    private static bool TryParseViewer(string? text, Participant caller, out Participant viewer)
    {
        viewer = text switch
        {
            null or "" => caller,
            "facilitator" or "control" => Participant.Facilitator,
            "observer" => Participant.Observer,
            _ when text.StartsWith("team:", StringComparison.Ordinal) && text.Length > 5 => Participant.Team(text[5..]),
            _ => null!,
        };
        return viewer is not null;
    }
}
