using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Gateway.Tests.Live;

/// <summary>
/// The gateway's protections, each with its limit set small through configuration: message size, per-connection
/// rate, connection cap, browser origins, secrets kept out of logs, clear errors for malformed input, loopback binding.
/// </summary>
public sealed class LimitTests : IAsyncLifetime
{
    private readonly List<(GatewayHost Host, TempDirectory Data)> _gateways = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (host, data) in _gateways)
        {
            await host.DisposeAsync();
            data.Dispose();
        }
    }

    [Fact]
    public async Task A_hub_message_over_the_size_limit_closes_the_connection_and_applies_nothing()
    {
        var (gateway, api) = await Start(new() { ["Gateway:Limits:MaxMessageBytes"] = "2048" });
        var session = await ExerciseSession.Create(api);
        await api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var before = await Sequence(api, session);

        await using var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Facilitator);
        var oversized = News("too-big", new string('x', 4000));
        var refused = await Assert.ThrowsAsync<HubError>(() => connection.Invoke<CommandReply>("Send", oversized));

        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(connection.IsClosed, refused.Message);
        Assert.Equal(before, await Sequence(api, session));
        Assert.DoesNotContain((await api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after={before - 1}")).AsArray(),
            e => (string?)e!["event"]!["headline"] == "too-big");

        // Just under the limit is fine, on a new connection.
        await using var again = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Facilitator);
        var reply = await again.Invoke<CommandReply>("Send", News("fits", new string('x', 1500)));
        Assert.True(reply.Accepted);
    }

    [Fact]
    public async Task More_hub_calls_than_the_burst_allows_are_refused_with_the_rate_limit_and_calls_within_it_succeed()
    {
        var (gateway, api) = await Start(new() { ["Gateway:Limits:MessagesPerSecond"] = "2", ["Gateway:Limits:MessageBurst"] = "5" });
        var session = await ExerciseSession.Create(api);
        await using var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer);

        for (var i = 0; i < 5; i++)
        {
            await connection.Invoke<JsonNode>("Snapshot"); // the burst
        }

        var flood = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                await connection.Invoke<JsonNode>("Snapshot");
                return null;
            }
            catch (HubError error)
            {
                return error.Message;
            }
        }));

        var refusals = flood.Where(m => m is not null).ToList();
        Assert.True(refusals.Count >= 7, $"Only {refusals.Count} of 10 calls beyond the burst were refused.");
        Assert.All(refusals, m => Assert.Contains("Rate limit: at most 2 messages per second per connection (bursts of 5)", m, StringComparison.Ordinal));

        // The connection stays open and is served again once tokens are back (2 a second).
        var snapshot = await Eventually.Until(
            async () =>
            {
                try
                {
                    return await connection.InvokeRaw("Snapshot");
                }
                catch (HubError)
                {
                    return null;
                }
            },
            s => s is not null,
            "the rate limiter to let a call through again");
        Assert.Equal(session.ExerciseId, (string)snapshot!["exerciseId"]!);

        // Another connection has its own bucket.
        await using var other = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer);
        for (var i = 0; i < 5; i++)
        {
            await other.Invoke<JsonNode>("Snapshot");
        }
    }

    [Fact]
    public async Task Beyond_the_connection_cap_a_connection_is_refused_with_the_reason()
    {
        var (gateway, api) = await Start(new() { ["Gateway:Limits:MaxConnections"] = "2" });
        var session = await ExerciseSession.Create(api);
        await using var first = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Ardenia);
        await using var second = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Borovia);
        await first.Invoke<JsonNode>("Snapshot");
        await second.Invoke<JsonNode>("Snapshot");

        var third = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer);
        await third.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("connection limit", third.CloseError ?? "", StringComparison.Ordinal);
        await third.DisposeAsync();
        await second.Invoke<JsonNode>("Snapshot"); // the others are unaffected

        // A freed place can be taken again.
        await first.DisposeAsync();
        var fourth = await Eventually.Until(
            async () =>
            {
                var client = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer);
                try
                {
                    await client.Invoke<JsonNode>("Snapshot");
                    return client;
                }
                catch (HubError)
                {
                    await client.DisposeAsync();
                    return null;
                }
            },
            c => c is not null,
            "the closed connection's place to be freed");
        await fourth!.DisposeAsync();
    }

    [Fact]
    public async Task Only_the_gateway_s_own_and_configured_origins_may_open_a_live_connection()
    {
        var (gateway, api) = await Start(new() { ["Gateway:AllowedOrigins:0"] = "https://exercise.example" });
        var session = await ExerciseSession.Create(api);

        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer, "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);

        foreach (var origin in new[] { null, $"http://127.0.0.1:{gateway.BaseAddress.Port}", $"http://localhost:{gateway.BaseAddress.Port}", "https://exercise.example" })
        {
            await using var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Observer, origin);
            await connection.Invoke<JsonNode>("Snapshot");
        }
    }

    [Fact]
    public async Task Tokens_refresh_tokens_and_join_codes_never_reach_the_logs()
    {
        // As verbose as an operator can make it: whatever a log category prints, secrets must not be in it.
        var (gateway, api) = await Start(new() { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" });
        var created = await api.CreateExercise();
        var facilitator = await api.Join(created.FacilitatorCode);
        var code = await api.IssueCode(facilitator, created.ExerciseId, "team", "ARD");
        string hubCode;
        await using (var control = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, facilitator))
        {
            var issued = await control.Invoke<CommandReply>("Send", new CommandEnvelope("issue-1", "access.issueJoinCode", JsonSerializer.SerializeToElement(new { role = "observer" })));
            hubCode = issued.Output!;
        }

        using var joined = await gateway.Http.PostAsJsonAsync("/api/join", new { code });
        var tokens = (await joined.Content.ReadFromJsonAsync<JsonObject>())!;
        var (access, refresh) = ((string)tokens["accessToken"]!, (string)tokens["refreshToken"]!);
        using var refreshed = await gateway.Http.PostAsJsonAsync("/api/join/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (string)(await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;

        // Everything that carries them: the hub (token in the query string), HTTP with the bearer header, failures too.
        await using (var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, access))
        {
            await connection.Invoke<JsonNode>("Join");
            await connection.Invoke<JsonNode>("Resync", 0L);
            await connection.Invoke<CommandReply>("Send", new CommandEnvelope("c1", "nation.submitOrder", JsonSerializer.SerializeToElement(new { orderId = "o1", action = new { kind = "hold" } })));
            await Assert.ThrowsAsync<HubError>(() => connection.InvokeWithArguments("Resync", new JsonArray("not a number")));
        }

        await api.GetJson(renewed, $"/api/exercises/{created.ExerciseId}");
        await api.GetJson(access, $"/api/exercises/{created.ExerciseId}/nations/ARD");
        using (await api.Send(access, created.ExerciseId, "exercise.start")) { }
        using (await api.Get(access, $"/api/exercises/{created.ExerciseId}/join-codes")) { }
        using (await gateway.Http.GetAsync($"/api/exercises/{created.ExerciseId}?access_token={Uri.EscapeDataString(access)}")) { }
        using (await gateway.Http.PostAsJsonAsync("/api/join", new { code = code.ToLowerInvariant() })) { }
        await Assert.ThrowsAsync<HubRefusedException>(() => SignalRTestClient.ConnectAsync(gateway.BaseAddress, access, "http://evil.example"));

        var logs = gateway.Logs.Lines.ToList();
        Assert.Contains(logs, line => line.Contains("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal)); // the verbose categories did log
        foreach (var (name, secret) in new[] { ("access token", access), ("renewed token", renewed), ("refresh token", refresh), ("facilitator token", facilitator), ("join code", code), ("facilitator code", created.FacilitatorCode), ("code issued over the hub", hubCode) })
        {
            var normalized = secret.Replace("-", "", StringComparison.Ordinal);
            var leak = logs.FirstOrDefault(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)
                || line.Contains(normalized, StringComparison.OrdinalIgnoreCase) || line.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
            Assert.True(leak is null, $"The {name} was logged: {leak}");
        }
    }

    [Theory]
    [InlineData("/api/join")]
    [InlineData("/api/exercises")]
    [InlineData("/api/join/refresh")]
    public async Task A_body_that_is_not_JSON_is_a_bad_request_with_problem_details(string path)
    {
        var (gateway, _) = await Start([]);
        using var content = new StringContent("code=ABCD-EFGH-JKMN", Encoding.UTF8, "application/json");

        using var response = await gateway.Http.PostAsync(path, content);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("malformed", (string?)problem!["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    public static TheoryData<string, string, string> MalformedHubCalls() => new()
    {
        // method, arguments as JSON, what the error must say
        { "Resync", "[\"yesterday\"]", "The arguments do not fit Resync(afterSequence: a whole number): The argument is not a whole number." },
        { "Resync", "[]", "The arguments do not fit Resync(afterSequence: a whole number): 1 argument(s) expected, 0 sent." },
        { "Send", "[\"publish the news\"]", "The arguments do not fit Send(command: a command {commandId, type, args}): The argument is not an object with the expected fields." },
        { "Send", "[{\"commandId\":\"c1\",\"type\":\"exercise.start\",\"colour\":\"red\"}]", "Unknown field 'colour'." },
        { "Teleport", "[]", "There is no hub method 'Teleport'; the methods are Join, Resync, Snapshot, Send." },
    };

    [Theory]
    [MemberData(nameof(MalformedHubCalls))]
    public async Task Malformed_hub_arguments_get_an_error_naming_the_problem_and_the_connection_stays_usable(string method, string arguments, string mentions)
    {
        var (gateway, api) = await Start([]);
        var session = await ExerciseSession.Create(api);
        await using var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Facilitator);

        var error = await Assert.ThrowsAsync<HubError>(() => connection.InvokeWithArguments(method, JsonNode.Parse(arguments)!));

        Assert.True(error.Message.Contains(mentions, StringComparison.Ordinal), error.Message);
        Assert.Null(Fuzz.ProblemShape.Leak(error.Message));
        Assert.False(connection.IsClosed);
        Assert.Equal(session.ExerciseId, (await connection.Invoke<JsonNode>("Snapshot"))["exerciseId"]!.GetValue<string>());
        Assert.Equal("draft", (string)(await api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["exercise"]!["status"]!);
    }

    [Fact]
    public async Task Malformed_command_arguments_over_the_hub_come_back_as_a_problem_naming_the_field()
    {
        var (gateway, api) = await Start([]);
        var session = await ExerciseSession.Create(api);
        await using var connection = await SignalRTestClient.ConnectAsync(gateway.BaseAddress, session.Facilitator);

        var reply = await connection.Invoke<CommandReply>("Send", new CommandEnvelope("c1", "exercise.extendDeadline", JsonSerializer.SerializeToElement(new { by = "soon" })));

        Assert.False(reply.Accepted);
        Assert.Equal(("malformed", "args.by"), (reply.Problem!.Code, reply.Problem.Field));
        Assert.False(connection.IsClosed);
    }

    [Fact]
    public void The_default_configuration_binds_to_loopback_only()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        var urls = ((string)settings["Urls"]!).Split(';', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(url).Host)), $"{url} is not a loopback address."));
    }

    [Fact]
    public async Task Without_a_Urls_override_the_gateway_listens_on_loopback_only()
    {
        using var data = new TempDirectory();
        string[] arguments = [$"--Gateway:DataDirectory={data.Path}", "--Gateway:WebRoot="];

        // The addresses the gateway resolves for itself when nobody names any (appsettings.json, environment) ...
        var defaults = GatewayApp.Build(arguments);
        var configured = defaults.Configuration["Urls"];
        await defaults.DisposeAsync();
        Assert.False(string.IsNullOrWhiteSpace(configured), "The gateway has no default Urls.");

        // ... started on those hosts with the port left to the system, so that a busy default port (5080) does not
        // matter: whatever Kestrel then listens on — including anything the gateway's own code adds — is loopback.
        var anyPort = string.Join(';', configured.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(url => $"{new Uri(url).Scheme}://{new Uri(url).Host}:0"));
        var (gateway, _) = await Start(new() { ["Urls"] = anyPort }); // the test host, connected to a test silo
        var addresses = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(a).Host)), $"The gateway listens on {a}."));
    }

    private async Task<(GatewayHost Gateway, GatewayApi Api)> Start(Dictionary<string, string?> settings)
    {
        var data = new TempDirectory();
        var host = await GatewayHost.StartAsync(data.Path, settings);
        _gateways.Add((host, data));
        return (host, new GatewayApi(host.Http));
    }

    private static CommandEnvelope News(string headline, string body) =>
        new($"news-{headline}", "exercise.publishNews", JsonSerializer.SerializeToElement(new { headline, body }, GatewayJson.Options));

    private static async Task<long> Sequence(GatewayApi api, ExerciseSession session) =>
        (await api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}"))["sequence"]!.GetValue<long>();
}
