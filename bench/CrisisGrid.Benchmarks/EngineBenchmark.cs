using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Sockets;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CrisisGrid.Benchmarks;

/// <summary>
/// Commands through Orleans with SQLite persistence, as the gateway sends them: a silo on loopback and a separate
/// Orleans client (its own host, over TCP, so every call is serialized and messaged as in production): several
/// exercises of small-test in their orders phase; each client owns one (exercise, nation) pair and loops
/// SubmitOrder → WithdrawOrder → PublishNews on its exercise. Every command is acknowledged only once its events
/// are durable and published to the exercise feed, so latency includes the fsync.
/// </summary>
internal sealed class EngineBenchmark : IAsyncDisposable
{
    private static readonly string[] Nations = ["ARD", "BOR", "CAL", "DUN"];
    private static readonly string[] TeamNations = ["ARD", "BOR"]; // CAL and DUN are played by exercise control

    private readonly IHost _silo;
    private readonly IHost _client;
    private readonly IReadOnlyList<string> _exercises;
    private int _run;

    private EngineBenchmark(IHost silo, IHost client, IReadOnlyList<string> exercises) => (_silo, _client, _exercises) = (silo, client, exercises);

    private IGrainFactory Grains => _client.Services.GetRequiredService<IClusterClient>();

    public static async Task<EngineBenchmark> Start(string directory, string scenarioPath, int exercises)
    {
        var loaded = ScenarioLoader.LoadFile(scenarioPath);
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(loaded.Describe());

        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Storage:Provider"] = "sqlite";
        builder.Configuration["Storage:SqlitePath"] = Path.Combine(directory, "engine.db");
        builder.Configuration["Cluster:SiloPort"] = $"{siloPort}";
        builder.Configuration["Cluster:GatewayPort"] = $"{gatewayPort}";
        builder.UseCrisisGridSilo();
        var silo = builder.Build();
        await silo.StartAsync();

        var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        clientBuilder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        clientBuilder.UseOrleansClient(c => c.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("crisisgrid", "crisisgrid")));
        var client = clientBuilder.Build();
        await client.StartAsync();

        var bench = new EngineBenchmark(silo, client, [.. Enumerable.Range(1, exercises).Select(i => $"bench-{i}")]);
        foreach (var id in bench._exercises)
        {
            await bench.Prepare(id, scenario);
        }

        return bench;
    }

    /// <summary>Runs the closed loop with <paramref name="clients"/> clients; client i plays nation i % 4 of exercise (i / 4) % E.</summary>
    public Task<(List<LatencySummary> Rows, TimeSpan Cpu)> Run(int clients, TimeSpan warmup, TimeSpan duration)
    {
        var run = ++_run;
        return ClosedLoop.Run(clients, warmup, duration, async (index, probe) =>
        {
            var exerciseId = _exercises[index / Nations.Length % _exercises.Count];
            var code = Nations[index % Nations.Length];
            var actor = TeamNations.Contains(code) ? Participant.Team(code) : Participant.Facilitator;
            var nation = Grains.GetGrain<INationGrain>(GrainKeys.Scoped(exerciseId, code));
            var exercise = Grains.GetGrain<IExerciseGrain>(exerciseId);
            var prefix = $"r{run}c{index}";
            var action = new PublicStatement(StatementTone.Firm, "We call for restraint on the border.", code == "BOR" ? "ARD" : "BOR");
            for (var n = 0; probe.Running; n++)
            {
                var orderId = $"{prefix}o{n}";
                await probe.Time("nation.submitOrder", async () =>
                    Accepted(await nation.SubmitOrder(new($"{prefix}s{n}", actor), new SubmitOrder(orderId, action))));
                await probe.Time("nation.withdrawOrder", async () =>
                    Accepted(await nation.WithdrawOrder(new($"{prefix}w{n}", actor), new WithdrawOrder(orderId))));
                await probe.Time("exercise.publishNews", async () =>
                    Accepted(await exercise.PublishNews(new($"{prefix}n{n}", Participant.Facilitator), new PublishNews($"Bulletin {n} from {code}", "Ministries report a quiet night along the border."))));
            }
        });
    }

    public string Describe(int clients) =>
        $"{Math.Min(_exercises.Count, (clients + Nations.Length - 1) / Nations.Length)} of {_exercises.Count} exercises, {Math.Min(clients, _exercises.Count * Nations.Length)} distinct nations";

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        await _silo.StopAsync();
        _silo.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepted(CommandResult result) =>
        result.Accepted ? true : throw new InvalidOperationException($"Refused: {result.Rejection}");

    /// <summary>Create, start and advance to turn 1's orders phase, as exercise control would before play.</summary>
    private async Task Prepare(string exerciseId, ScenarioDefinition scenario)
    {
        var exercise = Grains.GetGrain<IExerciseGrain>(exerciseId);
        var control = Participant.Facilitator;
        Accepted(await exercise.Create(new("create", control), new CreateExercise($"Benchmark {exerciseId}", scenario, 42)));
        Accepted(await exercise.Start(new("start", control)));
        for (var step = 0; step < 5 && (await exercise.GetState()).Phase != TurnPhase.Orders; step++)
        {
            Accepted(await exercise.Advance(new($"advance-{step}", control), new AdvancePhase()));
        }

        if ((await exercise.GetState()).Phase != TurnPhase.Orders)
        {
            throw new InvalidOperationException($"{exerciseId} did not reach the orders phase.");
        }
    }
}
