using System.Net;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;

namespace CrisisGrid.Gateway.Tests.Operations;

/// <summary>
/// <c>/ops/metrics</c> shows operators (only them) what this gateway measures: delivery latency and who is connected.
/// Silo-side instruments (commands, refusals, appends, deadlines) are exported by the silos over OTLP; in these tests
/// the silo shares the process, so only the gateway's own instruments are asserted. Other tests' hosts share this
/// process's meters too, so the assertions look for values this test causes, never exact totals.
/// </summary>
public sealed class OperatorMetricsTests : GatewayTest
{
    private const string OperatorKey = "test-operator-key-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Operators:Keys:0"] = OperatorKey };

    [Fact]
    public async Task Metrics_are_for_operators_only()
    {
        var session = await ExerciseSession.Create(Api);

        using var anonymous = await Gateway.Http.GetAsync("/ops/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var (participantStatus, _) = await Api.GetRaw(session.Facilitator, "/ops/metrics");
        Assert.True(participantStatus is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"a facilitator got {participantStatus}");

        using var wrongKey = await OperatorGet("/ops/metrics", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);

        using var operatorCall = await OperatorGet("/ops/metrics", OperatorKey);
        Assert.Equal(HttpStatusCode.OK, operatorCall.StatusCode);
    }

    [Fact]
    public async Task Deliveries_and_live_viewers_show_in_the_gateway_metrics()
    {
        var session = await ExerciseSession.Create(Api);
        await using var observer = await Connect(session.Observer);
        await observer.InvokeRaw("Join");
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");

        // The observer's push is counted once the pump has sent it; wait for it, as the client would.
        var readings = await Eventually.Until(
            ReadMetrics,
            r => Find(r, "crisisgrid.delivery.latency").Any(x => (long)x["count"]! > 0),
            "a delivery to be measured");

        Assert.Contains(Find(readings, "crisisgrid.clients.connected"), r => Tag(r, "crisisgrid.role") == "Observer" && (double)r["value"]! >= 1);

        // Latency is append → push on one clock: never negative, and far below a minute on a test machine.
        Assert.All(Find(readings, "crisisgrid.delivery.latency"), r => Assert.InRange((double)r["min"]!, 0, 60));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_anyone_and_readiness_names_the_cluster_check()
    {
        using var live = await Gateway.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await Gateway.Http.GetAsync("/health/ready");
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string)body["status"]!);
        Assert.Contains(body["checks"]!.AsArray(), c => (string)c!["name"]! == "cluster" && (string)c["status"]! == "Healthy");
    }

    private async Task<HttpResponseMessage> OperatorGet(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Operator-Key", key);
        return await Gateway.Http.SendAsync(request);
    }

    private async Task<JsonArray> ReadMetrics()
    {
        using var response = await OperatorGet("/ops/metrics", OperatorKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body["readings"]!.AsArray();
    }

    private static IEnumerable<JsonNode> Find(JsonArray readings, string name) =>
        readings.Where(r => (string)r!["name"]! == name).Select(r => r!);

    private static string? Tag(JsonNode reading, string key) => (string?)reading["tags"]?[key];
}
