using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;

namespace CrisisGrid.Gateway.Tests.Api;

public sealed class ExerciseApiTests : GatewayTest
{
    [Fact]
    public async Task Creating_an_exercise_from_a_bundled_scenario_lists_it_and_hands_out_a_facilitator_code()
    {
        var created = await Api.CreateExercise("small-test");
        Assert.StartsWith("small-test-", created.ExerciseId, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", created.FacilitatorCode);

        var catalog = await Api.GetJson(null, "/api/exercises");
        Assert.Contains(catalog.AsArray(), e => (string)e!["exerciseId"]! == created.ExerciseId && (string)e["status"]! == "draft");

        var token = await Api.Join(created.FacilitatorCode);
        var me = await Api.GetJson(token, "/api/me");
        Assert.Equal(("facilitator", created.ExerciseId), ((string)me["role"]!, (string)me["exerciseId"]!));
    }

    [Fact]
    public async Task An_invalid_scenario_is_refused_with_every_problem_located_and_nothing_is_created()
    {
        var yaml = "format: crisisgrid/scenario\nversion: 1\nid: broken\ntitle: Broken\nnations:\n  - code: AAA\n    name: A\n    indices: {militaryStrength: 140}\n";
        using var response = await Gateway.Http.PostAsJsonAsync("/api/exercises", new { scenarioYaml = yaml });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("invalid-scenario", (string)problem!["code"]!);
        var problems = problem["problems"]!.AsArray();
        Assert.Contains(problems, p => (string)p!["path"]! == "nations[0].indices.militaryStrength" && (int)p["line"]! == 8);
        Assert.Empty((await Api.GetJson(null, "/api/exercises")).AsArray());
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_bad_request_naming_the_ones_that_exist()
    {
        using var response = await Gateway.Http.PostAsJsonAsync("/api/exercises", new { scenarioId = "atlantis" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("small-test", (string)problem!["allowed"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_answer_with_sequence_numbers_and_refusals_as_problem_details()
    {
        var session = await ExerciseSession.Create(Api);
        var start = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        Assert.True(start.LastSequence >= start.FirstSequence);

        using var again = await Api.Send(session.Facilitator, session.ExerciseId, "exercise.start");
        var refused = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("invalid-state", "status", "only when draft"), ((string)refused!["code"]!, (string)refused["field"]!, (string)refused["allowed"]!));

        using var forbidden = await Api.Send(session.Ardenia, session.ExerciseId, "exercise.pause");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"exercise.start\"}", "commandId")]
    [InlineData("{\"commandId\":\"x\",\"type\":\"exercise.teleport\"}", "type")]
    [InlineData("{\"commandId\":\"x\",\"type\":\"exercise.extendDeadline\",\"args\":{\"by\":\"soon\"}}", "args.by")]
    [InlineData("{\"commandId\":\"x\",\"type\":\"exercise.end\",\"args\":{\"reason\":\"done\",\"extra\":1}}", "args.extra")]
    [InlineData("{\"commandId\":\"x\",\"type\":\"nation.submitOrder\",\"args\":{\"orderId\":\"o1\",\"action\":{\"kind\":\"teleport\"}}}", "args.action")]
    public async Task Malformed_commands_are_bad_requests_that_name_the_field_and_change_nothing(string body, string field)
    {
        var session = await ExerciseSession.Create(Api);
        var before = (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{session.ExerciseId}/commands") { Content = content };
        request.Headers.Authorization = new("Bearer", session.Facilitator);
        using var response = await Gateway.Http.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field, (string)problem!["field"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string)problem["detail"]!));
        Assert.Equal(before, (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_retried_command_is_applied_once()
    {
        var session = await ExerciseSession.Create(Api);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var first = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "Summit", body = "Leaders meet." }, "news-1");
        var retry = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "Summit", body = "Leaders meet." }, "news-1");

        Assert.False(first.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.FirstSequence, retry.FirstSequence);
        var events = (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events")).AsArray();
        Assert.Single(events, e => (string)e!["event"]!["$type"]! == "news.published" && (string)e["event"]!["headline"]! == "Summit");
    }

    [Fact]
    public async Task Join_codes_are_checked_and_a_revoked_code_closes_its_tokens()
    {
        var session = await ExerciseSession.Create(Api);
        using (var bad = await Gateway.Http.PostAsJsonAsync("/api/join", new { code = "AAAA-BBBB-CCCC" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        }

        using (var malformed = await Gateway.Http.PostAsJsonAsync("/api/join", new { code = "nope" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        var code = await Api.IssueCode(session.Facilitator, session.ExerciseId, "team", "ARD");
        var token = await Api.Join(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)); // typed loosely
        var codes = (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/join-codes")).AsArray();
        var codeId = (string)codes.Last()!["codeId"]!;
        await Api.Accept(session.Facilitator, session.ExerciseId, "access.revokeJoinCode", new { codeId });

        using var after = await Api.Get(token, $"/api/exercises/{session.ExerciseId}");
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        using var rejoin = await Gateway.Http.PostAsJsonAsync("/api/join", new { code });
        Assert.Equal(HttpStatusCode.Forbidden, rejoin.StatusCode);
    }

    [Fact]
    public async Task A_token_opens_only_its_own_exercise()
    {
        var first = await ExerciseSession.Create(Api);
        var second = await ExerciseSession.Create(Api);
        using var response = await Api.Get(first.Facilitator, $"/api/exercises/{second.ExerciseId}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var command = await Api.Send(first.Facilitator, second.ExerciseId, "exercise.start");
        Assert.Equal(HttpStatusCode.Forbidden, command.StatusCode);
        using var anonymous = await Api.Get(null, $"/api/exercises/{second.ExerciseId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
