using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Fuzz;
using CrisisGrid.Gateway.Tests.Support;

namespace CrisisGrid.Gateway.Tests.Errors;

/// <summary>
/// Each finding of the black-box fuzz (issue 9) answered with the right 4xx and a problem-details body, in the domain's
/// words, and nothing changed: lone surrogates, unknown charsets, stream ids on Join, the origin refusal, Kestrel's own
/// 400/414/431, the operators' 401, rate limits with Retry-After, and bounds named in the refusal.
/// </summary>
public sealed class HostileInputTests : GatewayTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:AllowedOrigins:0"] = "https://exercise.example",
        ["Operators:Keys:0"] = "operator-key-for-tests",
        ["Gateway:Limits:JoinAttemptsPerMinute"] = "5",
    };

    public static TheoryData<string, string> LoneSurrogateCommands() => new()
    {
        // body, the field the refusal must name
        { """{"commandId":"c1","type":"alliance.castVote","args":{"alliance":"L\ud800","draftId":"d1","choice":"yes"}}""", "args.alliance" },
        { """{"commandId":"L\ud800","type":"exercise.start"}""", "commandId" },
        { """{"commandId":"c1","type":"L\ud800"}""", "type" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogateCommands))]
    public async Task A_lone_surrogate_in_any_command_string_is_a_bad_request_naming_the_field_and_changes_nothing(string body, string field)
    {
        var session = await ExerciseSession.Create(Api);
        var before = await Sequence(session);

        using var response = await Post(session.Facilitator, $"/api/exercises/{session.ExerciseId}/commands", body);

        var problem = await ProblemShape.Assert(400, response);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Contains("not valid Unicode", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await Sequence(session));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_join_code_is_a_bad_request_naming_the_field()
    {
        using var response = await Post(null, "/api/join", """{"code":"ABCD-EFGH-\udc00"}""");
        Assert.Equal("code", (string?)(await ProblemShape.Assert(400, response))["field"]);
    }

    [Theory]
    [InlineData("application/json; charset=ebcdic")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_JSON_in_UTF_8_is_unsupported_media_type(string contentType)
    {
        using var content = new ByteArrayContent("""{"code":"ABCD-EFGH-JKMN"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Gateway.Http.PostAsync("/api/join", content);

        var problem = await ProblemShape.Assert(415, response);
        Assert.Equal("application/json; charset=utf-8", (string?)problem["allowed"]);
    }

    [Fact]
    public async Task A_Join_invocation_with_stream_ids_is_refused_without_exception_types_and_the_connection_stays_usable()
    {
        var session = await ExerciseSession.Create(Api);
        await using var hub = await RawHub.Connect(Gateway.BaseAddress, session.Observer);

        var answer = await hub.Exchange("""{"type":1,"invocationId":"1","target":"Join","arguments":[],"streamIds":["s1"]}""", "1");

        Assert.NotNull(answer.Error);
        Assert.Null(ProblemShape.Leak(answer.Error!));
        Assert.Equal("'Join' takes no streams; send its arguments in 'arguments' and no 'streamIds'.", answer.Error);
        var snapshot = await hub.Exchange("""{"type":1,"invocationId":"2","target":"Snapshot","arguments":[]}""", "2");
        Assert.Equal(session.ExerciseId, (string?)snapshot.Result?["exerciseId"]);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public async Task A_hub_message_of_an_unknown_type_is_ignored_and_the_connection_keeps_answering(int type)
    {
        var session = await ExerciseSession.Create(Api);
        await using var hub = await RawHub.Connect(Gateway.BaseAddress, session.Observer);

        await hub.SendText($$$"""{"type":{{{type}}},"invocationId":"1","target":"Join","arguments":[]}""");
        var snapshot = await hub.Exchange("""{"type":1,"invocationId":"2","target":"Snapshot","arguments":[]}""", "2");

        Assert.Equal(session.ExerciseId, (string?)snapshot.Result?["exerciseId"]);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_hub_command_is_refused_naming_the_field()
    {
        var session = await ExerciseSession.Create(Api);
        var before = await Sequence(session);
        await using var hub = await RawHub.Connect(Gateway.BaseAddress, session.Facilitator);

        var inArgs = await hub.Exchange("""{"type":1,"invocationId":"1","target":"Send","arguments":[{"commandId":"c1","type":"alliance.castVote","args":{"alliance":"L\ud800"}}]}""", "1");
        var inId = await hub.Exchange("""{"type":1,"invocationId":"2","target":"Send","arguments":[{"commandId":"L\ud800","type":"exercise.start"}]}""", "2");

        Assert.Equal("args.alliance", (string?)inArgs.Result?["problem"]?["field"]);
        Assert.NotNull(inId.Error);
        Assert.True(inId.Error!.Contains("not valid Unicode", StringComparison.Ordinal), inId.Error);
        Assert.Null(ProblemShape.Leak(inId.Error!));
        Assert.Equal(before, await Sequence(session));
    }

    [Fact]
    public async Task The_origin_refusal_is_a_403_problem()
    {
        var response = await RawHttp.Send(Gateway.BaseAddress, RawHttp.Request("GET", GatewayApp.HubPath + "?id=x", [("Origin", "http://evil.example")]));
        ProblemShape.Assert(403, response.Status, response.ContentType, response.Body);
    }

    [Fact]
    public async Task Kestrel_s_own_refusals_are_problems_a_nul_in_the_path_a_long_id_and_huge_headers()
    {
        var nul = await RawHttp.Send(Gateway.BaseAddress, RawHttp.Request("GET", "/api/exercises/ab%00cd"));
        var longId = await RawHttp.Send(Gateway.BaseAddress, RawHttp.Request("GET", "/api/exercises/" + new string('a', 20_000)));
        var headers = await RawHttp.Send(Gateway.BaseAddress, RawHttp.Request("GET", "/api/scenarios", [("X-Filler", new string('h', 40 * 1024))]));

        ProblemShape.Assert(400, nul.Status, nul.ContentType, nul.Body);
        Assert.Contains("8192", ProblemShape.Assert(414, longId.Status, longId.ContentType, longId.Body)["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("32768", ProblemShape.Assert(431, headers.Status, headers.ContentType, headers.Body)["detail"]!.ToString(), StringComparison.Ordinal);

        // The server still answers.
        using var scenarios = await Gateway.Http.GetAsync("/api/scenarios");
        Assert.Equal(HttpStatusCode.OK, scenarios.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Operator_endpoints_without_a_valid_key_answer_401_as_a_problem_whatever_the_client_accepts(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/metrics");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        if (key is not null)
        {
            request.Headers.Add("X-Operator-Key", key);
        }

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Contains("X-Operator-Key", (string)(await ProblemShape.Assert(401, response))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_addresses_wrong_methods_and_missing_tokens_are_problems()
    {
        using var unknown = await Gateway.Http.GetAsync("/api/nowhere");
        using var method = await Gateway.Http.DeleteAsync("/api/scenarios");
        using var noToken = await Gateway.Http.GetAsync("/api/me");
        using var negotiate = await Gateway.Http.PostAsync(GatewayApp.HubPath + "/negotiate?negotiateVersion=1", null);

        await ProblemShape.Assert(404, unknown);
        await ProblemShape.Assert(405, method);
        await ProblemShape.Assert(401, noToken);
        await ProblemShape.Assert(401, negotiate);
    }

    [Fact]
    public async Task Join_attempts_beyond_the_rate_limit_are_429_problems_with_Retry_After()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await Post(null, "/api/join", """{"code":"ABCD-EFGH-JKMN"}""");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                await ProblemShape.Assert(403, response);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        var problem = await ProblemShape.Assert(429, limited!);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Contains("At most 5 join attempts a minute", (string)problem["detail"]!, StringComparison.Ordinal);
        limited.Dispose();
    }

    [Fact]
    public async Task Bodies_beyond_the_bounds_are_refused_naming_the_bound()
    {
        var session = await ExerciseSession.Create(Api);
        var commands = $"/api/exercises/{session.ExerciseId}/commands";
        var before = await Sequence(session);

        using var tooLarge = await Post(session.Facilitator, commands, $$$"""{"commandId":"c1","type":"exercise.publishNews","args":{"headline":"h","body":"{{{new string('x', 70_000)}}}"}}""");
        using var tooLong = await Post(session.Facilitator, commands, $$$"""{"commandId":"c1","type":"exercise.publishNews","args":{"headline":"h","body":"{{{new string('x', 9_000)}}}"}}""");
        using var tooDeep = await Post(session.Facilitator, commands, """{"commandId":"c1","type":"exercise.start","args":""" + new string('[', 40) + new string(']', 40) + "}");
        using var tooMany = await Post(session.Facilitator, commands, """{"commandId":"c1","type":"exercise.start","args":[""" + string.Join(",", Enumerable.Repeat("1", 1_500)) + "]}");
        using var joinTooLarge = await Post(null, "/api/join", $$"""{"code":"{{new string('A', 5_000)}}"}""");

        Assert.Contains("at most 65536 bytes", (string)(await ProblemShape.Assert(413, tooLarge))["detail"]!, StringComparison.Ordinal);
        var longText = await ProblemShape.Assert(400, tooLong);
        Assert.Equal(("args.body", "at most 8000 characters"), ((string?)longText["field"], (string?)longText["allowed"]));
        Assert.Equal("at most 16 levels of nesting", (string?)(await ProblemShape.Assert(400, tooDeep))["allowed"]);
        Assert.Equal("at most 1000 items", (string?)(await ProblemShape.Assert(400, tooMany))["allowed"]);
        Assert.Contains("at most 4096 bytes", (string)(await ProblemShape.Assert(413, joinTooLarge))["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await Sequence(session));
    }

    [Fact]
    public async Task Refusals_name_fields_in_the_domain_s_words_without_dotnet_type_names()
    {
        var session = await ExerciseSession.Create(Api);
        var commands = $"/api/exercises/{session.ExerciseId}/commands";

        using var missing = await Post(session.Ardenia, commands, """{"commandId":"c1","type":"alliance.breakSilence","args":{"alliance":"NC"}}""");
        using var wrongKind = await Post(session.Facilitator, commands, """{"commandId":"c2","type":"exercise.extendDeadline","args":{"by":"soon"}}""");
        using var unknownField = await Post(session.Facilitator, commands, """{"commandId":"c3","type":"exercise.start","colour":"red"}""");
        using var noBody = await Post(session.Facilitator, commands, "");

        Assert.Contains("missing required field(s)", (string)(await ProblemShape.Assert(400, missing))["detail"]!, StringComparison.Ordinal);
        Assert.Equal("args.by", (string?)(await ProblemShape.Assert(400, wrongKind))["field"]);
        Assert.Equal("colour", (string?)(await ProblemShape.Assert(400, unknownField))["field"]);
        await ProblemShape.Assert(400, noBody);
    }

    [Fact]
    public async Task Rule_refusals_map_not_found_to_404_invalid_arguments_to_400_and_the_rest_to_409()
    {
        var session = await ExerciseSession.Create(Api);
        var commands = $"/api/exercises/{session.ExerciseId}/commands";

        using var twiceStarted1 = await Post(session.Facilitator, commands, """{"commandId":"c2","type":"exercise.start"}""");
        using var twiceStarted2 = await Post(session.Facilitator, commands, """{"commandId":"c3","type":"exercise.start"}""");
        using var unknownInject = await Post(session.Facilitator, commands, """{"commandId":"c1","type":"exercise.releaseInject","args":{"injectId":"no-such-inject"}}""");
        using var unknownNation = await Gateway.Http.SendAsync(Authorized(HttpMethod.Get, $"/api/exercises/{session.ExerciseId}/nations/XXX", session.Facilitator));

        var notFound = await ProblemShape.Assert(404, unknownInject);
        Assert.DoesNotContain(session.ExerciseId, notFound.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twiceStarted1.StatusCode);
        await ProblemShape.Assert(409, twiceStarted2);
        await ProblemShape.Assert(404, unknownNation);
    }

    [Fact]
    public async Task Hub_rate_limit_refusals_are_logged_as_warnings_a_few_times_per_client_never_as_errors()
    {
        var session = await ExerciseSession.Create(Api);
        await using var hub = await RawHub.Connect(Gateway.BaseAddress, session.Observer);

        var refused = 0;
        for (var i = 0; i < 120; i++)
        {
            var answer = await hub.Exchange($$"""{"type":1,"invocationId":"{{i}}","target":"Snapshot","arguments":[]}""", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            refused += answer.Error is not null ? 1 : 0;
        }

        var lines = Gateway.Logs.Lines.ToList();
        Assert.True(refused >= 50, $"only {refused} calls were refused");
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        var rateLines = lines.Count(l => l.Contains("rate-limited", StringComparison.Ordinal));
        Assert.InRange(rateLines, 1, CrisisGrid.Gateway.Errors.ClientProblemLog.PerClientPerMinute);
        Assert.All(lines.Where(l => l.Contains("rate-limited", StringComparison.Ordinal)), l => Assert.StartsWith("Warning", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nations", 101, 100)]
    [InlineData("nations", 8_000, 100)]
    [InlineData("alliances", 51, 50)]
    [InlineData("msel", 1_001, 1_000)]
    public async Task A_scenario_upload_beyond_its_size_bounds_is_refused_naming_the_bound(string section, int count, int limit)
    {
        var exercises = (await Api.GetJson(null, "/api/exercises")).AsArray().Count;
        var yaml = new StringBuilder("format: crisisgrid/scenario\nversion: 1\nid: big\ntitle: Big\n").Append(section).Append(":\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{code: N{i:D4}, name: Entry {i}}}\n");
        }

        using var response = await Gateway.Http.PostAsync("/api/exercises", JsonContent(new JsonObject { ["scenarioYaml"] = yaml.ToString() }));

        var problem = await ProblemShape.Assert(422, response);
        Assert.Equal($"at most {limit} {section}", (string?)problem["problems"]![0]!["allowed"]);
        Assert.Equal(exercises, (await Api.GetJson(null, "/api/exercises")).AsArray().Count);
    }

    [Fact]
    public async Task A_scenario_upload_within_the_bounds_is_judged_by_the_loader()
    {
        var yaml = new StringBuilder("format: crisisgrid/scenario\nversion: 1\nid: big\ntitle: Big\nnations:\n");
        for (var i = 0; i < 100; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{code: N{i:D3}, name: Entry {i}}}\n");
        }

        using var response = await Gateway.Http.PostAsync("/api/exercises", JsonContent(new JsonObject { ["scenarioYaml"] = yaml.ToString() }));

        var problem = await ProblemShape.Assert(422, response);
        Assert.DoesNotContain("at most 100 nations", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(problem["problems"]!.AsArray(), p => ((string?)p!["text"] ?? "").Contains("upload.yaml", StringComparison.Ordinal));
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> Post(string? token, string path, string body)
    {
        var request = Authorized(HttpMethod.Post, path, token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Gateway.Http.SendAsync(request);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<long> Sequence(ExerciseSession session) =>
        (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>();
}
