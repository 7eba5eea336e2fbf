using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;

namespace CrisisGrid.Gateway.Tests.Api;

/// <summary>MSEL import from a CSV file through the gateway, as exercise control's console uploads it.</summary>
public sealed class MselImportApiTests : GatewayTest
{
    private const string Header = "id,title,kind,turn,time,targets,brief,newsHeadline,newsBody\n";

    private async Task<HttpResponseMessage> Upload(string token, string exerciseId, string csv, string? key = null, bool multipart = false, string contentType = "text/csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{exerciseId}/msel?fileName=turn-plan.csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (multipart)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            request.Content = new MultipartFormDataContent { { file, "file", "planning/msel-turn2.csv" } };
        }
        else
        {
            request.Content = new StringContent(csv, Encoding.UTF8, contentType);
        }

        return await Gateway.Http.SendAsync(request);
    }

    private async Task<JsonArray> Msel(ExerciseSession session) =>
        (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["exercise"]!["control"]!["msel"]!.AsArray();

    private async Task<long> Sequence(ExerciseSession session) =>
        (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>();

    [Fact]
    public async Task A_bad_msel_file_is_refused_with_every_problem_by_row_and_column_and_nothing_changes()
    {
        var session = await ExerciseSession.Create(Api);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var before = await Sequence(session);

        using var response = await Upload(session.Facilitator, session.ExerciseId, Header
            + "ok-1,Fine,borderIncident,3,,ARD,,,\n"
            + "border-incident,Taken,borderIncident,,,,,,\n"
            + "strike,Strike,economicShock,1,,XYZ,,,\n"
            + "Bad Id,,armedAtack,,PT6H,,,,\n");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("invalid-msel-file", (string)problem!["code"]!);
        Assert.Contains("turn-plan.csv has 7 problems; no inject was imported.", (string)problem["detail"]!, StringComparison.Ordinal);
        var problems = problem["problems"]!.AsArray();
        Assert.Equal(
            [(3, "id"), (4, "turn"), (4, "targets"), (5, "id"), (5, "title"), (5, "kind"), (5, "time")],
            problems.Select(p => ((int)p!["row"]!, (string)p["column"]!)));
        var kind = problems.Single(p => (int)p!["row"]! == 5 && (string)p["column"]! == "kind")!;
        Assert.StartsWith("Row 5, column kind: 'armedAtack' is not an inject kind.", (string)kind["text"]!, StringComparison.Ordinal);
        Assert.Contains("armedAttack", (string)kind["allowed"]!, StringComparison.Ordinal);

        Assert.Equal(before, await Sequence(session));
        Assert.Equal(4, (await Msel(session)).Count);
    }

    [Fact]
    public async Task A_good_msel_file_adds_injects_that_are_released_by_turn_condition_or_hand_and_briefed_like_scenario_injects()
    {
        var session = await ExerciseSession.Create(Api);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");

        using var response = await Upload(session.Facilitator, session.ExerciseId, "id,title,kind,turn,time,when,targets,brief,newsHeadline,newsBody\n"
            + "dock-strike,Dock strike in Ardenia,economicShock,2,,,ardenia,\"Dockers walk out; ports close, trade halts.\",Ardenian ports closed,\n"
            + "held-back,Held back,cyberAttack,,,,BOR,Your grid is down.,,\n"
            + "rally,Rally at the crossing,disinformationCampaign,,,tension ARD/BOR above 95 or turn 2,BOR,A rally calls the crossing stolen land.,,\n", multipart: true);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal((3, false), ((int)body!["imported"]!, (bool)body["duplicate"]!));
        Assert.Equal(["dock-strike", "held-back", "rally"], body["injects"]!.AsArray().Select(i => (string)i!["id"]!));
        var msel = await Msel(session);
        Assert.Equal(7, msel.Count);
        Assert.False((bool)msel.Single(m => (string)m!["inject"]!["id"]! == "dock-strike")!["released"]!);

        // The import is control's business: the teams learn of an inject only when it is briefed to them.
        var log = await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after=0");
        var imported = log.AsArray().Single(e => (string)e!["event"]!["$type"]! == "exercise.msel-rows-imported")!;
        Assert.Equal("msel-turn2.csv", (string)imported["event"]!["fileName"]!);
        Assert.DoesNotContain("msel-rows-imported", (await Api.GetRaw(session.Ardenia, $"/api/exercises/{session.ExerciseId}/events?after=0")).Body, StringComparison.Ordinal);

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");
        await Api.WaitForPhase(session.Facilitator, session.ExerciseId, "results", turn: 1);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");

        var briefs = (await Api.GetJson(session.Ardenia, $"/api/exercises/{session.ExerciseId}/events?after=0")).AsArray()
            .Where(e => (string)e!["event"]!["$type"]! == "exercise.inject-briefed").Select(e => e!["event"]!).ToList();
        Assert.Contains(briefs, b => (string)b!["title"]! == "Dock strike in Ardenia" && (string)b["brief"]! == "Dockers walk out; ports close, trade halts.");
        var borovia = (await Api.GetRaw(session.Borovia, $"/api/exercises/{session.ExerciseId}/events?after=0")).Body;
        Assert.DoesNotContain("Dock strike", borovia, StringComparison.Ordinal);
        Assert.Contains("A rally calls the crossing stolen land.", borovia, StringComparison.Ordinal); // its condition held at turn 2's start
        Assert.True((bool)(await Msel(session)).Single(m => (string)m!["inject"]!["id"]! == "dock-strike")!["released"]!);
        Assert.False((bool)(await Msel(session)).Single(m => (string)m!["inject"]!["id"]! == "held-back")!["released"]!);

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.releaseInject", new { injectId = "held-back" });
        Assert.Contains("Your grid is down.", (await Api.GetRaw(session.Borovia, $"/api/exercises/{session.ExerciseId}/events?after=0")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_exercise_control_imports_a_retry_with_the_same_key_applies_once_and_the_rows_survive_a_restart()
    {
        var session = await ExerciseSession.Create(Api);
        const string csv = Header + "extra-1,Extra,refugeeFlow,2,,,,,\n";
        foreach (var token in new[] { session.Ardenia, session.Observer })
        {
            using var refused = await Upload(token, session.ExerciseId, csv);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var first = await Upload(session.Facilitator, session.ExerciseId, csv, key: "import-1"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var again = await Upload(session.Facilitator, session.ExerciseId, csv, key: "import-1");
        var reply = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((bool)reply!["duplicate"]!);
        Assert.Equal(["extra-1"], reply["injects"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Equal(5, (await Msel(session)).Count);

        // Acknowledged means durable: after a restart the exercise's log rebuilds the imported row.
        await Restart();
        var after = await Msel(session);
        Assert.Equal(5, after.Count);
        Assert.Equal("Extra", (string)after.Single(m => (string)m!["inject"]!["id"]! == "extra-1")!["inject"]!["title"]!);
    }

    [Fact]
    public async Task After_the_exercise_ends_an_import_is_refused_by_the_rules_and_json_is_not_a_csv_file()
    {
        var session = await ExerciseSession.Create(Api);
        using var json = await Upload(session.Facilitator, session.ExerciseId, "{\"id\":1}", contentType: "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using var broken = await Upload(session.Facilitator, session.ExerciseId, "--x\r\nnot a part", contentType: "multipart/form-data");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        using var latin1 = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{session.ExerciseId}/msel")
        {
            Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(Header + "caf"), 0xE9, (byte)',', (byte)'C', (byte)',', .. Encoding.UTF8.GetBytes("borderIncident,,,,,,\n")]),
        };
        latin1.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Facilitator);
        latin1.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var notUtf8 = await Gateway.Http.SendAsync(latin1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notUtf8.StatusCode);
        Assert.Contains("not UTF-8", await notUtf8.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.end", new { reason = "Called off" });
        using var response = await Upload(session.Facilitator, session.ExerciseId, Header + "late,Late,borderIncident,,,,,,\n");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(("invalid-state", "status"), ((string)problem!["code"]!, (string)problem["field"]!));
    }
}
