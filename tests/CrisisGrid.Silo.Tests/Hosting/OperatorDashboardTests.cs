using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrisisGrid.Testing;

namespace CrisisGrid.Silo.Tests.Hosting;

/// <summary>
/// The Orleans dashboard has no authentication of its own: the silo serves it to operators only — behind the operator
/// key, on its own loopback port — and to nobody when no operator key is configured.
/// </summary>
public sealed class OperatorDashboardTests : IClassFixture<OperatorDashboardTests.DashboardSilo>
{
    private const string OperatorKey = "silo-operator-key-0123456789";
    private readonly DashboardSilo _silo;

    public OperatorDashboardTests(DashboardSilo silo) => _silo = silo;

    [Fact]
    public async Task Anonymous_players_and_wrong_keys_are_refused_the_dashboard()
    {
        using var anonymous = await Get(_silo.Dashboard, "/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Basic");

        // A participant's bearer token means nothing to a silo.
        using var player = await Get(_silo.Dashboard, "/dashboard/ClusterStats", new AuthenticationHeaderValue("Bearer", "a-participant-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, player.StatusCode);

        using var wrongKey = await Get(_silo.Dashboard, "/dashboard/ClusterStats", Basic("not-the-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);

        using var wrongHeader = await Get(_silo.Dashboard, "/dashboard/DashboardCounters", key: "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongHeader.StatusCode);
    }

    [Fact]
    public async Task An_operator_opens_the_dashboard_in_a_browser_with_the_key_as_password()
    {
        using var page = await Get(_silo.Dashboard, "/dashboard/", Basic(OperatorKey));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_operator_reads_the_silos_and_their_activations()
    {
        // The dashboard's own data: this silo is listed as active, with its grain activations counted.
        var counters = await Eventually.Until(
            async () =>
            {
                using var response = await Get(_silo.Dashboard, "/dashboard/DashboardCounters", key: OperatorKey);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            },
            body => (int?)body["totalActiveHostCount"] >= 1,
            "the dashboard to count this silo");
        Assert.Equal(1, (int)counters["totalActiveHostCount"]!);
    }

    [Fact]
    public async Task The_dashboard_is_not_served_on_the_silos_web_port_when_it_has_its_own()
    {
        using var onWebPort = await Get(_silo.Host.WebAddress, "/dashboard/", Basic(OperatorKey));
        Assert.Equal(HttpStatusCode.NotFound, onWebPort.StatusCode);

        // Health stays where orchestrators probe it.
        using var live = await Get(_silo.Host.WebAddress, "/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Grain_state_and_the_live_log_are_withheld_even_from_operators()
    {
        // Grain state is exercise content and the log stream prints what the silo logs: operators see the cluster only.
        using var state = await Get(_silo.Dashboard, "/dashboard/GrainState?grainId=x&grainType=y", key: OperatorKey);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        using var trace = await Get(_silo.Dashboard, "/dashboard/Trace", key: OperatorKey);
        Assert.Equal(HttpStatusCode.NotFound, trace.StatusCode);
    }

    [Fact]
    public async Task Without_an_operator_key_no_one_gets_the_dashboard()
    {
        await using var silo = await SiloWebHost.StartAsync();
        using var page = await Get(silo.WebAddress, "/dashboard/", Basic("anything"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var stats = await Get(silo.WebAddress, "/dashboard/ClusterStats");
        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{password}")));

    private static async Task<HttpResponseMessage> Get(Uri server, string path, AuthenticationHeaderValue? authorization = null, string? key = null)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        if (key is not null)
        {
            request.Headers.Add("X-Operator-Key", key);
        }

        return await http.SendAsync(request);
    }

    /// <summary>One silo with an operator key and the dashboard on its own loopback port, shared by the tests.</summary>
    public sealed class DashboardSilo : IAsyncLifetime
    {
        public SiloWebHost Host { get; private set; } = null!;

        public Uri Dashboard { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var port = SiloWebHost.FreePort();
            Host = await SiloWebHost.StartAsync($"--Operators:Keys:0={OperatorKey}", $"--Dashboard:Port={port}");
            Dashboard = new Uri($"http://127.0.0.1:{port}");
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
