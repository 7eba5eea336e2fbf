using CrisisGrid.Grains.Access;
using System.Net;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Alliances;
using static CrisisGrid.Gateway.Tests.Security.ArdeniaSecrets;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// Observers see the public view while the exercise runs and everything once exercise control, after the end, opens
/// the after-action review — on every read path, every hub method and their live connection. Teams do not.
/// </summary>
public sealed class ReviewVisibilityTests : GatewayTest
{
    [Fact]
    public async Task Once_the_review_is_open_the_observer_sees_everything_on_every_path_and_teams_still_do_not()
    {
        var session = await ExerciseSession.Create(Api);
        await using var observerLive = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Observer);
        await using var boroviaLive = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Borovia);
        var planted = await Plant(Api, session);
        var fragments = await PrivateValueFragments(Api, session);
        await observerLive.CatchUpTo(planted);
        Fog.AssertNoSecret(string.Join("\n", observerLive.Connection.RawReceived), Strings, "observer live before the review");

        using (var early = await Api.Send(session.Facilitator, session.ExerciseId, "exercise.openReview"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // the review opens after the end only
        }

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.end", new { reason = "Time is up." });
        var opened = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.openReview");
        var at = opened.LastSequence!.Value;

        // Every read path: what the observer may read now carries all of ARD's secrets between them.
        var texts = new List<string>();
        foreach (var (name, read) in LeakTests.ReadPaths)
        {
            var (status, body) = await Api.GetRaw(session.Observer, read.Path(session.ExerciseId, at));
            var expected = name == "join codes" ? HttpStatusCode.Forbidden : HttpStatusCode.OK; // codes are credentials, not content
            Assert.True(status == expected, $"observer GET {name} after the review: {(int)status} {body}");
            texts.Add(body);
        }

        Assert.All([.. Strings, .. fragments], s => Assert.Contains(s, string.Join("\n", texts), StringComparison.Ordinal));
        var ardenia = await Api.GetJson(session.Observer, $"/api/exercises/{session.ExerciseId}/nations/ARD");
        Assert.Contains(PendingOrderId, ardenia["private"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        var compact = await Api.GetJson(session.Observer, $"/api/exercises/{session.ExerciseId}/alliances/NCP");
        Assert.Contains(ReportTitle, compact["member"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        var snapshot = await Api.GetJson(session.Observer, $"/api/exercises/{session.ExerciseId}");
        Assert.True((bool)snapshot["viewer"]!["fullView"]!);
        Assert.NotNull(snapshot["exercise"]!["control"]);

        // Every hub method on a new connection: Join, Snapshot and Resync(0) now carry them too.
        foreach (var (method, args) in new (string, object?[])[] { ("Join", []), ("Snapshot", []), ("Resync", [0L]) })
        {
            await using var connection = await SignalRTestClient.ConnectAsync(Gateway.BaseAddress, session.Observer);
            var result = (await connection.InvokeRaw(method, args))!.ToJsonString();
            Assert.All(method == "Resync" ? Strings : [.. Strings, .. fragments], s => Assert.Contains(s, result, StringComparison.Ordinal));
        }

        // After the end the alliance refuses every act (end means ended, docs/alliances.md) ...
        using var refused = await Api.Send(session.Ardenia, session.ExerciseId, "alliance.shareIntelligence",
            new { alliance = "NCP", reportId = "after-review", title = "After the review q7x2", body = "Read by nobody." });
        var (refusedStatus, refusedBody) = (refused.StatusCode, await refused.Content.ReadAsStringAsync());
        Assert.True(refusedStatus == HttpStatusCode.Conflict && refusedBody.Contains("exercise-ended", StringComparison.Ordinal), $"{(int)refusedStatus} {refusedBody}");

        // ... but the live connection opened before the review now receives exercise control's traffic; Borovia's does not.
        var shared = await Api.Accept(session.Facilitator, session.ExerciseId, "access.issueJoinCode", new { role = "team", nation = "ARD" });
        await observerLive.CatchUpTo(shared.LastSequence!.Value);
        // Its numbering moved from the public count to the log's when the review opened: its first batch after that
        // asked for a resync, answered by a snapshot (see docs/visibility.md), or came as events.
        Assert.Contains(observerLive.Applied.Concat(observerLive.Snapshot.Recent), e => e.Event is JoinCodeIssued { Grant.Nation: "ARD" });
        Assert.True(observerLive.Snapshot.Viewer.FullView);
        await boroviaLive.Resync(); // nothing is pushed to Borovia now: it asks, as a client does on a timer
        Assert.Equal(await LogNumbering.PositionAt(Gateway.BaseAddress, session.ExerciseId, Grains.Access.Participant.Team("BOR"), shared.LastSequence!.Value), boroviaLive.Watermark);
        Fog.AssertNoSecret(string.Join("\n", boroviaLive.Connection.RawReceived), [.. Strings, .. fragments], "BOR live after the review");

        // A team's view does not change with the review.
        foreach (var (name, read) in LeakTests.ReadPaths)
        {
            var (_, body) = await Api.GetRaw(session.Borovia, read.Path(session.ExerciseId, at));
            Fog.AssertNoSecret(body, [.. Strings, .. fragments], $"BOR GET {name} after the review");
            Fog.AssertStructure(JsonNode.Parse(body), "BOR", ["ARD"], ["NCP"], $"BOR GET {name} after the review");
        }
    }
}
