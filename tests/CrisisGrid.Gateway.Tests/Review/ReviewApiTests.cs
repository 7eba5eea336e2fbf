using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Gateway.Tests.Review;

/// <summary>The after-action review over HTTP: series, turn summaries, matrix, exports, revealing the archive, forking.</summary>
public sealed class ReviewApiTests : GatewayTest
{
    private async Task<ExerciseSession> PlayTwoTurns()
    {
        var session = await ExerciseSession.Create(Api);
        var id = session.ExerciseId;
        await Api.Accept(session.Facilitator, id, "exercise.start");
        await Api.Accept(session.Facilitator, id, "exercise.advance");
        await Api.WaitForPhase(session.Facilitator, id, "orders", 1);
        await Api.Accept(session.Ardenia, id, "nation.submitOrder", new { nation = "ARD", orderId = "sanction-bor", action = new { kind = "imposeSanctions", nation = "BOR" } });
        await Api.Accept(session.Borovia, id, "nation.submitOrder", new { nation = "BOR", orderId = "mobilise", action = new { kind = "mobilise" } });
        await Api.Accept(session.Facilitator, id, "exercise.advance");
        await Api.WaitForPhase(session.Facilitator, id, "results", 1);
        await Api.Accept(session.Facilitator, id, "exercise.advance");
        await Api.WaitForPhase(session.Facilitator, id, "planning", 2);
        return session;
    }

    private static string Path(ExerciseSession s, string rest) => $"/api/exercises/{s.ExerciseId}/review/{rest}";

    [Fact]
    public async Task Series_and_turn_summaries_show_what_was_ordered_and_how_the_indices_moved()
    {
        var session = await PlayTwoTurns();
        var series = await Api.GetJson(session.Facilitator, Path(session, "series"));
        var nations = series["nations"]!.AsArray().Select(n => (string)n!["nation"]!).ToList();
        Assert.Equal(["ARD", "BOR", "CAL", "DUN"], nations);
        var points = series["points"]!.AsArray();
        Assert.Equal((long)series["sequence"]!, (long)points[^1]!["sequence"]!);
        var bor = await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/nations/BOR");
        var borSeries = series["nations"]!.AsArray().Single(n => (string)n!["nation"]! == "BOR")!["values"]!.AsArray();
        Assert.Equal((int)bor["private"]!["indices"]!["economy"]!, (int)borSeries[^1]!["economy"]!);
        var turn1 = series["orders"]!.AsArray().Single(o => (int)o!["turn"]! == 1)!;
        Assert.Equal(1, (int)turn1["orders"]!["ARD"]!);

        var turns = (await Api.GetJson(session.Facilitator, Path(session, "turns"))).AsArray();
        var ordered = turns.Single(t => (int)t!["turn"]! == 1)!["orders"]!.AsArray().Select(o => $"{o!["nation"]} {o["orderId"]} {o["action"]}");
        Assert.Equal(["ARD sanction-bor imposeSanctions", "BOR mobilise mobilise"], ordered);

        var matrix = await Api.GetJson(session.Facilitator, Path(session, $"matrix?at={(long)series["sequence"]!}"));
        Assert.Equal(4, matrix["tension"]!.AsArray().Count);
        Assert.Null(matrix["tension"]![0]![0]);
        var missingAt = await Api.GetRaw(session.Facilitator, Path(session, "matrix"));
        Assert.Equal(HttpStatusCode.BadRequest, missingAt.Status);
        Assert.Equal("at", (string?)JsonNode.Parse(missingAt.Body)!["field"]);
    }

    [Fact]
    public async Task Exports_download_the_whole_log_as_JSON_lines_and_CSV_that_parse()
    {
        var session = await PlayTwoTurns();
        var events = await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after=0&max=2000");

        using var jsonl = await Api.Get(session.Facilitator, Path(session, "export/log.jsonl"));
        Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);
        Assert.Contains("attachment", jsonl.Content.Headers.ContentDisposition?.DispositionType ?? "", StringComparison.Ordinal);
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parsed = lines.Select(l => JsonSerializer.Deserialize<RecordedEvent>(l, EventJson.Options)!).ToList();
        Assert.Equal(events.AsArray().Select(e => (long)e!["sequence"]!), parsed.Select(e => e.Sequence));

        var csv = (await Api.GetRaw(session.Facilitator, Path(session, "export/events.csv"))).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,recordedAt,stream,type,audience,payload", csv[0]);
        Assert.Equal(parsed.Count, csv.Length - 1);
        Assert.StartsWith("1,", csv[1], StringComparison.Ordinal);

        var indices = (await Api.GetRaw(session.Facilitator, Path(session, "export/indices.csv"))).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("turn,sequence,nation,militaryStrength,readiness,economy,domesticStability,publicSupport,internationalStanding", indices[0]);
        Assert.Contains(indices, row => row.StartsWith("1,", StringComparison.Ordinal) && row.Contains(",BOR,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_read_the_archive_only_once_control_reveals_it_after_the_exercise()
    {
        var session = await PlayTwoTurns();
        var before = await Api.GetRaw(session.Borovia, Path(session, "series"));
        Assert.Equal(HttpStatusCode.Forbidden, before.Status);
        Assert.Equal("forbidden", (string?)JsonNode.Parse(before.Body)!["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetRaw(session.Observer, Path(session, "export/log.jsonl"))).Status);

        using (var early = await Api.Send(session.Facilitator, session.ExerciseId, "exercise.revealArchive"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.end", new { reason = "Time is up." });
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.revealArchive");
        Assert.Equal(HttpStatusCode.OK, (await Api.GetRaw(session.Borovia, Path(session, "series"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetRaw(session.Observer, Path(session, "turns"))).Status);
        var asArdenia = await Api.GetJson(session.Borovia, $"/api/exercises/{session.ExerciseId}/replay?at=20&as=team:ARD");
        Assert.Equal("ARD", (string?)asArdenia["viewer"]!["nation"]);
    }

    [Fact]
    public async Task A_fork_gets_its_own_code_equals_the_original_at_N_and_plays_on()
    {
        var session = await PlayTwoTurns();
        var planning = (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>();
        using var refused = await Http(session.Ardenia, session, new { at = planning });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var beyond = await Http(session.Facilitator, session, new { at = planning + 100 });
        Assert.Equal("atSequence", (string?)JsonNode.Parse(await beyond.Content.ReadAsStringAsync())!["field"]);

        using var response = await Http(session.Facilitator, session, new { at = planning, name = "What if", seed = 5 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fork = (await response.Content.ReadFromJsonAsync<JsonObject>(GatewayJson.Options))!;
        var forkId = (string)fork["exerciseId"]!;
        var control = await Api.Join((string)fork["facilitatorCode"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetRaw(control, $"/api/exercises/{session.ExerciseId}")).Status);

        var original = await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/replay?at={planning}");
        var copy = await Api.GetJson(control, $"/api/exercises/{forkId}/replay?at={planning}");
        Assert.Equal(original["nations"]!.ToJsonString(), copy["nations"]!.ToJsonString());
        Assert.Equal(original["alliances"]!.ToJsonString(), copy["alliances"]!.ToJsonString());

        await Api.Accept(control, forkId, "exercise.resume");
        await Api.Accept(control, forkId, "exercise.advance");
        await Api.WaitForPhase(control, forkId, "orders", 2);
        Assert.Equal("planning", (string?)(await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["exercise"]!["phase"]);
        var originalLog = await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after={planning}");
        Assert.Contains(originalLog.AsArray(), e => (string?)e!["event"]!["$type"] == "exercise.forked" && (string?)e["event"]!["forkId"] == forkId);
        Assert.Contains((await Api.GetJson(null, "/api/exercises")).AsArray(), e => (string?)e!["exerciseId"] == forkId);
    }

    private Task<HttpResponseMessage> Http(string token, ExerciseSession session, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{session.ExerciseId}/fork") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Gateway.Http.SendAsync(request);
    }
}
