using CrisisGrid.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>Calls the gateway's HTTP API the way a client would.</summary>
public sealed class GatewayApi(HttpClient http)
{
    private int _commands;

    public sealed record Created(string ExerciseId, string Name, string FacilitatorCode);

    public async Task<Created> CreateExercise(string scenarioId = "small-test", long seed = 42)
    {
        using var response = await http.PostAsJsonAsync("/api/exercises", new { scenarioId, seed });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>(GatewayJson.Options))!;
    }

    public async Task<string> Join(string code)
    {
        using var response = await http.PostAsJsonAsync("/api/join", new { code });
        Assert.True(response.IsSuccessStatusCode, $"Join failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
    }

    public Task<HttpResponseMessage> Send(string token, string exerciseId, string type, object? args = null, string? commandId = null) =>
        SendAs(token, HttpMethod.Post, $"/api/exercises/{exerciseId}/commands",
            new { commandId = commandId ?? $"cmd-{Interlocked.Increment(ref _commands)}", type, args });

    /// <summary>
    /// Sends a command that must be accepted, and returns the reply with its sequence numbers in the exercise log's
    /// numbering, whoever sent it (a team is told positions in its own numbering; the harness translates them back
    /// with <see cref="LogNumbering"/>), so any client can be caught up to it. <see cref="Send"/> gives the raw reply.
    /// </summary>
    public async Task<CommandReply> Accept(string token, string exerciseId, string type, object? args = null, string? commandId = null)
    {
        using var response = await Send(token, exerciseId, type, args, commandId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type} was refused: {(int)response.StatusCode} {body}");
        var reply = JsonSerializer.Deserialize<CommandReply>(body, GatewayJson.Options)!;
        if (reply is not { FirstSequence: { } first, LastSequence: { } last } || http.BaseAddress is not { } gateway)
        {
            return reply;
        }

        var me = await GetJson(token, "/api/me");
        if ((string?)me["role"] != "team")
        {
            return reply;
        }

        var sender = Grains.Access.Participant.Team((string)me["nation"]!);
        return reply with
        {
            FirstSequence = await LogNumbering.SequenceAt(gateway, exerciseId, sender, first),
            LastSequence = await LogNumbering.SequenceAt(gateway, exerciseId, sender, last),
        };
    }

    public async Task<string> IssueCode(string facilitatorToken, string exerciseId, string role, string? nation = null)
    {
        var reply = await Accept(facilitatorToken, exerciseId, "access.issueJoinCode", new { role, nation });
        return reply.Output!;
    }

    public Task<HttpResponseMessage> Get(string? token, string path) => SendAs(token, HttpMethod.Get, path, null);

    /// <summary>A GET whatever its outcome: the status and the body exactly as sent.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetRaw(string? token, string path)
    {
        using var response = await Get(token, path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until the exercise's clock shows <paramref name="phase"/> (adjudication ends in the results phase by itself).</summary>
    public Task WaitForPhase(string token, string exerciseId, string phase, int? turn = null) =>
        Eventually.Until(
            () => GetJson(token, $"/api/exercises/{exerciseId}"),
            s => (string)s["exercise"]!["phase"]! == phase && (turn is null || (int)s["exercise"]!["turn"]! == turn),
            $"phase {phase}");

    public async Task<JsonNode> GetJson(string? token, string path)
    {
        using var response = await Get(token, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<HttpResponseMessage> SendAs(string? token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: GatewayJson.Options);
        }

        return await http.SendAsync(request);
    }
}

/// <summary>An exercise on the small sample scenario with a token for every kind of participant.</summary>
public sealed record ExerciseSession(string ExerciseId, string Facilitator, string Ardenia, string Borovia, string Observer)
{
    public static async Task<ExerciseSession> Create(GatewayApi api, string scenarioId = "small-test")
    {
        var created = await api.CreateExercise(scenarioId);
        var facilitator = await api.Join(created.FacilitatorCode);
        var teams = scenarioId == "small-test" ? ("ARD", "BOR") : ("VEL", "KAR");
        return new ExerciseSession(
            created.ExerciseId,
            facilitator,
            await api.Join(await api.IssueCode(facilitator, created.ExerciseId, "team", teams.Item1)),
            await api.Join(await api.IssueCode(facilitator, created.ExerciseId, "team", teams.Item2)),
            await api.Join(await api.IssueCode(facilitator, created.ExerciseId, "observer")));
    }
}
