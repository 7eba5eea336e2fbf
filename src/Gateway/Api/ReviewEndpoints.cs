using System.Text;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Review;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// The after-action review (issue 7): chart series, per-turn summaries, the relation matrix at a moment, exports,
/// and forking at event N. Everything is computed by grains (Grains/Review); these endpoints check the token and
/// shape the answer. Who may read the archive is the feed grain's rule (ReviewRules.MayReadArchive in src/Grains/Review).
/// </summary>
public static class ReviewEndpoints
{
    public sealed record ForkRequest(long? At = null, string? Name = null, long? Seed = null);

    public sealed record ForkCreated(string ExerciseId, string Name, long At, string FacilitatorCode);

    // Export pages: the feed serves at most this many events per read.
    private const int ExportPage = 2000;

    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/exercises/{exerciseId}/review");
        review.MapGet("/series", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, async (feed, who) => Results.Ok(await feed.GetReviewSeries(who))));

        review.MapGet("/turns", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, async (feed, who) => Results.Ok(await feed.GetTurnSummaries(who))));

        review.MapGet("/matrix", (string exerciseId, long? at, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, async (feed, who) => at is not { } n || n < 0
                ? Problems.BadRequest("Say at which event: ?at=N.", "at", "0 up to the last event's sequence number")
                : Results.Ok(await feed.GetRelationMatrix(who, n))));

        review.MapGet("/export/log.jsonl", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, (feed, who) => Task.FromResult(Stream(feed, who, "application/x-ndjson", $"{exerciseId}-log.jsonl", null, ReviewExport.JsonLine))));

        review.MapGet("/export/events.csv", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, (feed, who) => Task.FromResult(Stream(feed, who, "text/csv", $"{exerciseId}-events.csv", ReviewExport.EventsCsvHeader, ReviewExport.EventsCsvRow))));

        review.MapGet("/export/indices.csv", (string exerciseId, HttpContext http, AccessGuard guard, IGrainFactory grains) =>
            Archive(http, guard, grains, exerciseId, async (feed, who) =>
                Results.File(Encoding.UTF8.GetBytes(ReviewExport.IndicesCsv((await feed.GetReviewSeries(who))!)), "text/csv", $"{exerciseId}-indices.csv")));

        app.MapPost("/api/exercises/{exerciseId}/fork", (string exerciseId, ForkRequest? request, HttpContext http, AccessGuard guard, IGrainFactory grains, ExerciseFactory factory) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                if (request?.At is not { } at)
                {
                    return Problems.BadRequest("Say at which event to fork: {\"at\": N}.", "at", "1 up to the last event's sequence number");
                }

                var forkId = $"{exerciseId[..Math.Min(exerciseId.Length, 40)]}-fork-{JoinCodes.Generate().Replace("-", "", StringComparison.Ordinal)[..6].ToLowerInvariant()}";
                var result = await grains.GetGrain<IExerciseGrain>(exerciseId).Fork(
                    new CommandContext($"fork-{Guid.NewGuid():N}", who.Participant),
                    new ForkExercise(forkId, at, request.Name, request.Seed));
                if (result.Rejection is { } rejection)
                {
                    return Problems.Rejected(rejection);
                }

                var state = await grains.GetGrain<IExerciseGrain>(forkId).GetState();
                var code = await factory.IssueFacilitatorCode(forkId, "Exercise control");
                return Results.Created($"/api/exercises/{forkId}", new ForkCreated(forkId, state.Name, at, code));
            }));
    }

    private static Task<IResult> Archive(HttpContext http, AccessGuard guard, IGrainFactory grains, string exerciseId, Func<IExerciseFeedGrain, Participant, Task<IResult>> action) =>
        EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
        {
            var feed = grains.GetGrain<IExerciseFeedGrain>(exerciseId);
            return await feed.CheckArchiveAccess(who.Participant) is { } refused
                ? Problems.Rejected(refused)
                : await action(feed, who.Participant);
        });

    /// <summary>
    /// Streams the log page by page. Join codes and their redemptions (the access stream) are credentials of the
    /// original participants, not the exercise: only exercise control's export carries them.
    /// </summary>
    private static IResult Stream(IExerciseFeedGrain feed, Participant who, string contentType, string fileName, string? header, Func<RecordedEvent, string> line) =>
        Results.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false)) { NewLine = header is null ? "\n" : "\r\n" };
                if (header is not null)
                {
                    await writer.WriteLineAsync(header);
                }

                for (long after = 0; ;)
                {
                    var page = await feed.Read(after, ExportPage);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    foreach (var recorded in page.Where(e => who.IsControl || e.Stream != "access"))
                    {
                        await writer.WriteLineAsync(line(recorded));
                    }

                    after = page[^1].Sequence;
                }
            },
            contentType,
            fileName);
}
