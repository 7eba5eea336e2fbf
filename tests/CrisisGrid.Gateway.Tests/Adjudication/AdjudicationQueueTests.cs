using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Exercises.AdjudicationReview;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Gateway.Tests.Adjudication;

/// <summary>
/// Review before release through the gateway, with live clients on the official SignalR client: while a turn's
/// outcomes are held, the teams and the observer receive nothing of them; control reviews (one amended, with a
/// rationale) and releases; then the teams get their outcome reports — and never the rationale.
/// </summary>
public sealed class AdjudicationQueueTests : GatewayTest
{
    private const string Rationale = "Partners did not join the sanctions: a smaller bite";

    [Fact]
    public async Task Teams_receive_nothing_of_a_held_adjudication_until_control_releases_the_results()
    {
        var session = await ExerciseSession.Create(Api);
        var id = session.ExerciseId;
        await using var control = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Facilitator);
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        await using var borovia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Borovia);
        await using var observer = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Observer);

        await Api.Accept(session.Facilitator, id, "exercise.setAdjudicationReview", new { enabled = true });
        await Api.Accept(session.Facilitator, id, "exercise.start");
        await Api.Accept(session.Facilitator, id, "exercise.advance");
        await Api.Accept(session.Ardenia, id, "nation.submitOrder", new { orderId = "o1", action = new { kind = "imposeSanctions", nation = "BOR" } });
        await Api.Accept(session.Borovia, id, "nation.submitOrder", new { orderId = "o1", action = new { kind = "publicStatement", tone = "firm", text = "We will not bend." } });
        var closed = await Api.Accept(session.Facilitator, id, "exercise.advance");

        // Held: control sees the queue; the clock stays in adjudication; the teams and the observer get nothing of it.
        var queue = await Api.GetJson(session.Facilitator, $"/api/exercises/{id}/adjudication");
        Assert.Equal(2, (int)queue["pending"]!);
        var sanctions = queue["outcomes"]!.AsArray().Single(o => (string)o!["outcome"]!["actor"]! == "ARD")!["outcome"]!;
        var statement = queue["outcomes"]!.AsArray().Single(o => (string)o!["outcome"]!["actor"]! == "BOR")!["outcome"]!;
        foreach (var client in new[] { control, ardenia, borovia, observer })
        {
            await client.CatchUpTo(closed.LastSequence!.Value);
        }

        Assert.Contains(control.Applied, e => e.Event is AdjudicationHeld { OutcomeCount: 2 });
        foreach (var team in new[] { ardenia, borovia, observer })
        {
            Assert.DoesNotContain(team.Applied, e => e.Event is OutcomeReported or ActionAdjudicated or AdjudicationHeld or NewsPublished { Source: "adjudication" });
        }

        var snapshot = await Api.GetJson(session.Ardenia, $"/api/exercises/{id}");
        Assert.Equal("adjudication", (string)snapshot["exercise"]!["phase"]!);
        var refused = await Api.Send(session.Facilitator, id, "exercise.releaseResults");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("2 outcomes of turn 1 still await review", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Control amends ARD's sanctions (with its rationale) and approves BOR's statement, through the queue's endpoints.
        var amend = await Post(session.Facilitator, $"/api/exercises/{id}/adjudication/outcomes/{(string)sanctions["outcomeId"]!}", new
        {
            verdict = "amend",
            rationale = Rationale,
            effects = new[] { new { nation = "BOR", indices = new { economy = -2 }, relations = new { } } },
        });
        Assert.Equal(HttpStatusCode.OK, amend.Status);
        var approve = await Post(session.Facilitator, $"/api/exercises/{id}/adjudication/outcomes/{(string)statement["outcomeId"]!}", new { verdict = "approve" });
        Assert.Equal(HttpStatusCode.OK, approve.Status);
        var borBefore = (int)(await Api.GetJson(session.Borovia, $"/api/exercises/{id}/nations/BOR"))["private"]!["indices"]!["economy"]!;

        var release = await Post(session.Facilitator, $"/api/exercises/{id}/adjudication/release", new { expectedTurn = 1 });
        Assert.Equal(HttpStatusCode.OK, release.Status);
        await Api.WaitForPhase(session.Facilitator, id, "results", 1);

        var report = await ardenia.WaitFor(e => e.Event is OutcomeReported { Nation: "ARD" }, "ARD's outcome report");
        Assert.Contains("amended", ((OutcomeReported)report.Event).Summary, StringComparison.Ordinal);
        await borovia.WaitFor(e => e.Event is OutcomeReported { Nation: "BOR" }, "BOR's outcome report");
        var borAfter = (int)(await Api.GetJson(session.Borovia, $"/api/exercises/{id}/nations/BOR"))["private"]!["indices"]!["economy"]!;
        Assert.Equal(borBefore - 2, borAfter);

        // The rationale is exercise control's: in its live feed and the queue's record, never on a team's or the observer's wire.
        await control.WaitFor(e => e.Event is ResultsReleased, "the release");
        Assert.Contains(control.Applied, e => e.Event is OutcomeReviewed { Rationale: Rationale });
        foreach (var viewer in new[] { ardenia, borovia, observer })
        {
            Assert.DoesNotContain(viewer.Connection.RawReceived, raw => raw.Contains(Rationale, StringComparison.Ordinal));
        }

        var events = (await Api.GetRaw(session.Ardenia, $"/api/exercises/{id}/events?after=0&max=2000")).Body;
        Assert.DoesNotContain(Rationale, events, StringComparison.Ordinal);

        // The after-action review records the amendment with its rationale (for those who may read the archive).
        var turns = (await Api.GetRaw(session.Facilitator, $"/api/exercises/{id}/review/turns")).Body;
        Assert.Contains($"Exercise control amended ARD's outcome in review: {Rationale}", turns, StringComparison.Ordinal);
        var series = (await Api.GetRaw(session.Facilitator, $"/api/exercises/{id}/review/series")).Body;
        Assert.Contains("ARD's outcome amended in review", series, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetRaw(session.Ardenia, $"/api/exercises/{id}/review/turns")).Status);
    }

    [Fact]
    public async Task Only_exercise_control_reads_the_queue_and_a_refused_verdict_is_a_problem_in_the_domains_words()
    {
        var session = await ExerciseSession.Create(Api);
        var id = session.ExerciseId;
        await Api.Accept(session.Facilitator, id, "exercise.start");
        foreach (var token in new[] { session.Ardenia, session.Observer })
        {
            var (status, body) = await Api.GetRaw(token, $"/api/exercises/{id}/adjudication");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("Only exercise control", body, StringComparison.Ordinal);
        }

        var (missing, problem) = await Post(session.Facilitator, $"/api/exercises/{id}/adjudication/outcomes/t1-ARD-1", new { verdict = "void" });
        Assert.Equal(HttpStatusCode.Conflict, missing);
        Assert.Equal("no-review-queue", (string?)problem!["code"]);
        Assert.Equal("phase", (string?)problem["field"]);

        var (forbidden, _) = await Post(session.Ardenia, $"/api/exercises/{id}/adjudication/release", new { });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Post(string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
