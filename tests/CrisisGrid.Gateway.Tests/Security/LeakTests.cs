using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Tests.Support;
using static CrisisGrid.Gateway.Tests.Security.ArdeniaSecrets;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// Fog of war as a security property: with ARD's secrets planted (<see cref="LeakScene"/>), every read path and every
/// hub method, tried as team BOR, as the observer, with a token of another exercise and with no token, returns
/// nothing of them — checked on the structure and on the raw text. Adding a read path or a hub call is one line in
/// <see cref="ReadPaths"/> or <see cref="HubCalls"/>; a command a viewer must not be able to give, one line in
/// <see cref="ForbiddenCommands"/>.
/// </summary>
public sealed class LeakTests(LeakScene scene) : IClassFixture<LeakScene>
{
    public enum Access
    {
        /// <summary>Anyone, without a token.</summary>
        Anyone,

        /// <summary>Participants of the exercise, each seeing what its role may.</summary>
        Participant,

        /// <summary>Exercise control only (and observers once the review is open, for replays).</summary>
        ControlOnly,

        /// <summary>Something only those involved may know exists: any other participant is told it is not there.</summary>
        Hidden,
    }

    /// <summary>A GET path, given the exercise id and a sequence number to replay to.</summary>
    public sealed record ReadPath(Func<string, long, string> Path, Access Access);

    public static readonly Dictionary<string, ReadPath> ReadPaths = new()
    {
        ["exercise catalog"] = new((_, _) => "/api/exercises", Access.Anyone),
        ["snapshot"] = new((id, _) => $"/api/exercises/{id}", Access.Participant),
        ["events after 0"] = new((id, _) => $"/api/exercises/{id}/events?after=0&max=2000", Access.Participant),
        ["events after 10, a few"] = new((id, _) => $"/api/exercises/{id}/events?after=10&max=5", Access.Participant),
        ["nation ARD"] = new((id, _) => $"/api/exercises/{id}/nations/ARD", Access.Participant),
        ["nation BOR"] = new((id, _) => $"/api/exercises/{id}/nations/BOR", Access.Participant),
        ["alliance NCP"] = new((id, _) => $"/api/exercises/{id}/alliances/NCP", Access.Participant),
        ["replay"] = new((id, at) => $"/api/exercises/{id}/replay?at={at}", Access.ControlOnly),
        ["replay as team ARD"] = new((id, at) => $"/api/exercises/{id}/replay?at={at}&as=team:ARD", Access.ControlOnly),
        ["replay as control"] = new((id, at) => $"/api/exercises/{id}/replay?at={at}&as=facilitator", Access.ControlOnly),
        ["join codes"] = new((id, _) => $"/api/exercises/{id}/join-codes", Access.ControlOnly),
        ["adjudication queue"] = new((id, _) => $"/api/exercises/{id}/adjudication", Access.ControlOnly),
        ["negotiation border-talks"] = new((id, _) => $"/api/exercises/{id}/negotiations/border-talks", Access.Participant),
        ["negotiation secret talks"] = new((id, _) => $"/api/exercises/{id}/negotiations/{SecretTalksId}", Access.Hidden),
        ["review series"] = new((id, _) => $"/api/exercises/{id}/review/series", Access.ControlOnly),
        ["review turns"] = new((id, _) => $"/api/exercises/{id}/review/turns", Access.ControlOnly),
        ["review matrix"] = new((id, at) => $"/api/exercises/{id}/review/matrix?at={at}", Access.ControlOnly),
        ["export log"] = new((id, _) => $"/api/exercises/{id}/review/export/log.jsonl", Access.ControlOnly),
        ["export events"] = new((id, _) => $"/api/exercises/{id}/review/export/events.csv", Access.ControlOnly),
        ["export indices"] = new((id, _) => $"/api/exercises/{id}/review/export/indices.csv", Access.ControlOnly),
    };

    /// <summary>A hub method and its arguments; <c>Echoes</c> are strings the caller itself sends (a reply may repeat them).</summary>
    public sealed record HubCall(string Method, object?[] Arguments, string[]? Echoes = null);

    public static readonly Dictionary<string, HubCall> HubCalls = new()
    {
        ["Join"] = new("Join", []),
        ["Snapshot"] = new("Snapshot", []),
        ["Resync(0)"] = new("Resync", [0L]),
        ["Resync(10)"] = new("Resync", [10L]),
        ["Send: vote for ARD on its draft"] = new("Send", [Envelope("alliance.castVote", new { alliance = "NCP", draftId = DraftId, member = "ARD", choice = "no" })], [DraftId, Marker]),
        ["Send: withdraw ARD's order"] = new("Send", [Envelope("nation.withdrawOrder", new { nation = "ARD", orderId = PendingOrderId })], [PendingOrderId, Marker]),
    };

    /// <summary>Commands a team or observer must be refused, with nothing applied.</summary>
    public static readonly Dictionary<string, (string Type, object? Args)> ForbiddenCommands = new()
    {
        ["order for ARD"] = ("nation.submitOrder", new { nation = "ARD", orderId = "not-mine", action = new { kind = "hold" } }),
        ["withdraw ARD's order"] = ("nation.withdrawOrder", new { nation = "ARD", orderId = PendingOrderId }),
        ["request an NCP consultation"] = ("alliance.requestConsultation", new { alliance = "NCP", consultationId = "intruder", threat = "Ardenia" }),
        ["request an NCP consultation as ARD"] = ("alliance.requestConsultation", new { alliance = "NCP", consultationId = "intruder", member = "ARD", threat = "Ardenia" }),
        ["convene ARD's consultation"] = ("alliance.conveneConsultation", new { alliance = "NCP", consultationId = ConsultationId }),
        ["position in ARD's consultation"] = ("alliance.recordPosition", new { alliance = "NCP", consultationId = ConsultationId, position = "oppose" }),
        ["table an NCP draft"] = ("alliance.tableDraft", new { alliance = "NCP", draftId = "intruder", proposal = new { kind = "collectiveStatement", text = "Hello" } }),
        ["vote on ARD's draft"] = ("alliance.castVote", new { alliance = "NCP", draftId = DraftId, choice = "no" }),
        ["vote for ARD on its draft"] = ("alliance.castVote", new { alliance = "NCP", draftId = DraftId, member = "ARD", choice = "no" }),
        ["break silence on ARD's draft"] = ("alliance.breakSilence", new { alliance = "NCP", draftId = DraftId, reason = "No." }),
        ["withdraw ARD's draft"] = ("alliance.withdrawDraft", new { alliance = "NCP", draftId = DraftId, member = "ARD" }),
        ["share NCP intelligence"] = ("alliance.shareIntelligence", new { alliance = "NCP", reportId = "intruder", title = "Fake", body = "Fake" }),
        ["pledge to NCP"] = ("alliance.pledgeResources", new { alliance = "NCP", pledgeId = "intruder", resource = "fuel", amount = 10, dueWithin = "PT1H" }),
        ["post in ARD's secret talks"] = ("negotiation.post", new { session = SecretTalksId, @as = "ARD", messageId = "intruder", channel = new { kind = "plenary" }, text = "Hello" }),
        ["sign for ARD in the border talks"] = ("negotiation.sign", new { session = "border-talks", @as = "ARD", party = "ARD", version = 1 }),
        ["withdrawal notice for ARD"] = ("alliance.giveWithdrawalNotice", new { alliance = "NCP", member = "ARD" }),
        ["issue a team code"] = ("access.issueJoinCode", new { role = "team", nation = "ARD" }),
        ["issue a facilitator code"] = ("access.issueJoinCode", new { role = "facilitator" }),
        ["revoke a code"] = ("access.revokeJoinCode", new { codeId = "c1" }),
        ["override an outcome"] = ("exercise.overrideOutcome", new { outcomeId = "t1-ARD-1", effects = Array.Empty<object>(), reason = "Mine now." }),
        ["approve a held outcome"] = ("exercise.reviewOutcome", new { outcomeId = "t1-ARD-1", verdict = "approve" }),
        ["void a held outcome"] = ("exercise.reviewOutcome", new { outcomeId = "t1-ARD-1", verdict = "void", rationale = "Mine now." }),
        ["release results"] = ("exercise.releaseResults", null),
        ["turn the adjudication review off"] = ("exercise.setAdjudicationReview", new { enabled = false }),
        ["adjust a nation"] = ("exercise.adjustNation", new { delta = new { nation = "BOR", indices = new { economy = 30 }, relations = new { } }, reason = "Mine now." }),
        ["advance"] = ("exercise.advance", null),
        ["pause"] = ("exercise.pause", null),
        ["extend the deadline"] = ("exercise.extendDeadline", new { by = "PT5M" }),
        ["release an inject"] = ("exercise.releaseInject", new { injectId = "refugee-flow" }),
        ["publish news"] = ("exercise.publishNews", new { headline = "Fake", body = "Fake" }),
        ["end"] = ("exercise.end", new { reason = "Mine now." }),
        ["open the review"] = ("exercise.openReview", null),
    };

    /// <summary>Alliance commands in which ARD, a member, names another member: a team acts only as its own nation.</summary>
    public static readonly Dictionary<string, (string Type, object? Args)> ActingForAnotherMember = new()
    {
        ["request for CAL"] = ("alliance.requestConsultation", new { alliance = "NCP", consultationId = "for-cal", member = "CAL", threat = "Borovia" }),
        ["position for CAL"] = ("alliance.recordPosition", new { alliance = "NCP", consultationId = ConsultationId, member = "CAL", position = "support" }),
        ["vote for DUN"] = ("alliance.castVote", new { alliance = "NCP", draftId = DraftId, member = "DUN", choice = "yes" }),
        ["table for CAL"] = ("alliance.tableDraft", new { alliance = "NCP", draftId = "for-cal", member = "CAL", proposal = new { kind = "collectiveStatement", text = "Hi" } }),
        ["share for DUN"] = ("alliance.shareIntelligence", new { alliance = "NCP", reportId = "for-dun", member = "DUN", title = "T", body = "B" }),
        ["order for CAL"] = ("nation.submitOrder", new { nation = "CAL", orderId = "for-cal", action = new { kind = "hold" } }),
    };

    private static readonly string[] ReadViewers = ["BOR", "observer", "other exercise", "no token"];
    private static readonly string[] HubViewers = ["BOR", "observer", "other exercise"];

    public static TheoryData<string, string> ReadCases() => Cross(ReadViewers, ReadPaths.Keys);

    public static TheoryData<string, string> HubCases() => Cross(HubViewers, HubCalls.Keys);

    public static TheoryData<string, string> ForbiddenCases() => Cross(["BOR", "observer"], ForbiddenCommands.Keys);

    public static TheoryData<string> ActingForAnotherMemberCases() => [.. ActingForAnotherMember.Keys];

    public static TheoryData<string> LiveViewers() => ["BOR", "observer", "other exercise"];

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task A_read_path_shows_nothing_hidden(string viewer, string path)
    {
        var read = ReadPaths[path];
        var (status, body) = await scene.Api.GetRaw(scene.Token(viewer), read.Path(scene.Session.ExerciseId, scene.LastSequence));

        Assert.Equal(ExpectedStatus(viewer, read.Access), status);
        Fog.AssertNoSecret(body, scene.Secrets, $"{viewer} GET {path}");
        if (status == HttpStatusCode.OK)
        {
            Fog.AssertStructure(JsonNode.Parse(body), LeakScene.NationOf(viewer), ["ARD"], ["NCP"], $"{viewer} GET {path}");
        }
    }

    [Theory]
    [MemberData(nameof(HubCases))]
    public async Task A_hub_method_shows_nothing_hidden(string viewer, string call)
    {
        var hub = HubCalls[call];
        await using var connection = await SignalRTestClient.ConnectAsync(scene.Gateway.BaseAddress, scene.Token(viewer));
        var result = await connection.InvokeRaw(hub.Method, hub.Arguments);

        var received = string.Join("\n", connection.RawReceived);
        Assert.NotEmpty(connection.RawReceived); // the reply itself at least: the search below is not of an empty record
        if (viewer == "other exercise")
        {
            // Exercise control there: it sees all of its own exercise and nothing, not even the id, of this one.
            Fog.AssertNoSecret(received, [.. scene.Secrets.Except(hub.Echoes ?? []), scene.Session.ExerciseId], $"{viewer} {call}");
            return;
        }

        Fog.AssertNoSecret(received, scene.Secrets.Except(hub.Echoes ?? []), $"{viewer} {call}");
        Fog.AssertStructure(result, LeakScene.NationOf(viewer), ["ARD"], ["NCP"], $"{viewer} {call}");
        if (hub.Method == "Send")
        {
            Assert.Equal("forbidden", (string?)result!["problem"]?["code"]);
        }
    }

    [Fact]
    public async Task Without_a_token_the_hub_refuses_the_connection()
    {
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => SignalRTestClient.ConnectAsync(scene.Gateway.BaseAddress, null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Theory]
    [MemberData(nameof(LiveViewers))]
    public void Live_pushes_received_while_ARD_acted_carry_nothing_hidden(string viewer)
    {
        var client = scene.Live[viewer];
        var received = string.Join("\n", client.Connection.RawReceived);

        if (viewer == "other exercise")
        {
            Fog.AssertNoSecret(received, [.. scene.Secrets, scene.Session.ExerciseId], $"{viewer} live");
            Assert.NotEmpty(client.Applied);
            Assert.All(client.Applied, e => Assert.Equal(scene.OtherExerciseId, e.ExerciseId));
        }
        else
        {
            Fog.AssertNoSecret(received, scene.Secrets, $"{viewer} live");
            foreach (var raw in client.Connection.RawReceived)
            {
                Fog.AssertStructure(JsonNode.Parse(raw), LeakScene.NationOf(viewer), ["ARD"], ["NCP"], $"{viewer} live");
            }

            // The viewer was live all along: it received the public events, the last one included (and the record of the
            // wire searched above holds it too).
            Assert.Contains(client.Connection.RawReceived, raw => raw.Contains(ClosingHeadline, StringComparison.Ordinal));
            Assert.Contains(client.Applied, e => e.Event is Grains.News.NewsPublished { Headline: ClosingHeadline });
            Assert.Contains(client.Applied, e => e.Event is Grains.Exercises.TurnStarted { Turn: 2 });
        }
    }

    [Theory]
    [MemberData(nameof(ForbiddenCases))]
    public async Task A_command_outside_the_role_is_forbidden_over_HTTP_and_the_hub_and_changes_nothing(string actor, string command)
    {
        var (type, args) = ForbiddenCommands[command];
        if (actor == "observer" && type.StartsWith("alliance.", StringComparison.Ordinal))
        {
            args = ActingAs(args, "ARD"); // an observer has no nation of its own: it can only pretend to be a member
        }

        var before = await Sequence();

        using var response = await scene.Api.Send(scene.Token(actor)!, scene.Session.ExerciseId, type, args);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{actor} {type}: {(int)response.StatusCode} {body}");
        Assert.Equal("forbidden", (string?)JsonNode.Parse(body)!["code"]);

        await using var connection = await SignalRTestClient.ConnectAsync(scene.Gateway.BaseAddress, scene.Token(actor));
        var reply = await connection.Invoke<CommandReply>("Send", Envelope(type, args));
        Assert.False(reply.Accepted);
        Assert.Equal("forbidden", reply.Problem!.Code);

        // A refusal says nothing about ARD's business; ids the caller sent aside, nothing of the secrets comes back.
        Fog.AssertNoSecret(body + reply.Problem.Message, scene.Secrets.Except([DraftId, PendingOrderId, ConsultationId, Marker]), $"{actor} {command}");
        Assert.Equal(before, await Sequence());
    }

    [Fact]
    public async Task Refusals_of_outsiders_do_not_tell_an_existing_draft_from_a_missing_one()
    {
        foreach (var (type, existingId, args) in new (string, string, Func<string, object>)[]
        {
            ("alliance.castVote", DraftId, id => new { alliance = "NCP", draftId = id, choice = "no" }),
            ("alliance.breakSilence", DraftId, id => new { alliance = "NCP", draftId = id, reason = "No." }),
            ("alliance.withdrawDraft", DraftId, id => new { alliance = "NCP", draftId = id }),
            ("alliance.recordPosition", ConsultationId, id => new { alliance = "NCP", consultationId = id, position = "oppose" }),
            ("alliance.conveneConsultation", ConsultationId, id => new { alliance = "NCP", consultationId = id }),
        })
        {
            var existing = await Refusal(type, args(existingId));
            var missing = await Refusal(type, args("no-such-thing"));
            Assert.Equal(missing, existing.Replace(existingId, "no-such-thing", StringComparison.Ordinal));
            Assert.StartsWith("403 forbidden", missing, StringComparison.Ordinal);
        }

        async Task<string> Refusal(string type, object args)
        {
            using var response = await scene.Api.Send(scene.Session.Borovia, scene.Session.ExerciseId, type, args);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return $"{(int)response.StatusCode} {problem["code"]} {problem["detail"]} {problem["field"]} {problem["allowed"]}";
        }
    }

    [Theory]
    [MemberData(nameof(ActingForAnotherMemberCases))]
    public async Task A_member_cannot_act_for_another_member(string command)
    {
        var (type, args) = ActingForAnotherMember[command];
        var before = await Sequence();

        using var response = await scene.Api.Send(scene.Session.Ardenia, scene.Session.ExerciseId, type, args);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await Sequence());
    }

    [Fact]
    public async Task The_planted_secrets_are_there_for_exercise_control_and_for_ARD()
    {
        // Without this, the leak tests would pass on an exercise where nothing was planted.
        var control = new List<string>();
        var ardenia = new List<string>();
        foreach (var (_, read) in ReadPaths)
        {
            control.Add((await scene.Api.GetRaw(scene.Session.Facilitator, read.Path(scene.Session.ExerciseId, scene.LastSequence))).Body);
            ardenia.Add((await scene.Api.GetRaw(scene.Session.Ardenia, read.Path(scene.Session.ExerciseId, scene.LastSequence))).Body);
        }

        var controlText = string.Join("\n", control);
        Assert.All(scene.Planted, s => Assert.Contains(s, controlText, StringComparison.Ordinal));
        var ardeniaText = string.Join("\n", ardenia);
        Assert.All(scene.Planted, s => Assert.Contains(s, ardeniaText, StringComparison.Ordinal)); // ARD is told why control changed it
        Assert.All(ArdeniaSecrets.ControlOnly, s => Assert.Contains(s, controlText, StringComparison.Ordinal)); // the review's rationale: control's
        Assert.All(ArdeniaSecrets.ControlOnly, s => Assert.DoesNotContain(s, ardeniaText, StringComparison.Ordinal)); // and not ARD's

        var live = string.Join("\n", scene.Live["facilitator"].Connection.RawReceived);
        Assert.All(Strings, s => Assert.Contains(s, live, StringComparison.Ordinal));
    }

    private static HttpStatusCode ExpectedStatus(string viewer, Access access) => (viewer, access) switch
    {
        (_, Access.Anyone) => HttpStatusCode.OK,
        ("no token", _) => HttpStatusCode.Unauthorized,
        ("other exercise", _) => HttpStatusCode.Forbidden,
        (_, Access.ControlOnly) => HttpStatusCode.Forbidden,
        (_, Access.Hidden) => HttpStatusCode.NotFound,
        _ => HttpStatusCode.OK,
    };

    private async Task<long> Sequence() =>
        (await scene.Api.GetJson(scene.Session.Facilitator, $"/api/exercises/{scene.Session.ExerciseId}"))["sequence"]!.GetValue<long>();

    private static JsonObject ActingAs(object? args, string member)
    {
        var fields = JsonSerializer.SerializeToNode(args, GatewayJson.Options)!.AsObject();
        fields["member"] ??= member;
        return fields;
    }

    private static CommandEnvelope Envelope(string type, object? args) =>
        new($"leak-{Guid.NewGuid():N}", type, args is null ? null : JsonSerializer.SerializeToElement(args, GatewayJson.Options));

    private static TheoryData<string, string> Cross(IEnumerable<string> viewers, IEnumerable<string> items)
    {
        var data = new TheoryData<string, string>();
        foreach (var viewer in viewers)
        {
            foreach (var item in items)
            {
                data.Add(viewer, item);
            }
        }

        return data;
    }
}
