using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using CrisisGrid.Grains.World;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace CrisisGrid.Benchmarks;

/// <summary>
/// The after-action review on a long exercise (issue 7): plays an exercise of small-test to N events through the grain
/// host (orders given and withdrawn, news, turns advanced), restarts the host on the same database, then measures the
/// first review view (a cold feed grain folds the log once, keeping checkpoints) and slider steps (replay "as X at
/// event N"), next to the old way — read the log up to N and refold it — in the same run.
/// </summary>
internal static class ReviewBenchmark
{
    private const string ExerciseId = "review-long";
    private static readonly string[] Nations = ["ARD", "BOR", "CAL", "DUN"];

    public static async Task<string> Run(string directory, string scenarioPath, long targetEvents, int turns, int steps, string? keep)
    {
        // --database FILE keeps the played exercise, and a later run on the same file measures without playing again.
        var database = keep ?? Path.Combine(directory, "review.db");
        var played = File.Exists(database);
        var loaded = ScenarioLoader.LoadFile(scenarioPath);
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(loaded.Describe());
        var output = new StringBuilder();
        var loadBefore = Machine.LoadAverage();

        var fill = Stopwatch.StartNew();
        if (!played)
        {
            await using var host = await StartHost(database);
            await Play(host, scenario, targetEvents, turns);
        }

        fill.Stop();

        Console.Error.WriteLine($"played {targetEvents} events in {fill.Elapsed.TotalSeconds:0.0} s; restarting the host");

        await using var cold = await StartHost(database);
        var grains = cold.Services.GetRequiredService<IGrainFactory>();
        var log = cold.Services.GetRequiredService<IEventLog>();
        var feed = grains.GetGrain<IExerciseFeedGrain>(ExerciseId);
        var last = await log.GetLastSequenceAsync(ExerciseId);
        var team = Participant.Team("ARD");

        // First view: the first replay call on a fresh host activates the feed grain, which folds the whole log once.
        var first = Stopwatch.StartNew();
        var firstView = await feed.GetSnapshotAt(Participant.Facilitator, team, last) ?? throw new InvalidOperationException("replay refused");
        first.Stop();

        var random = new Random(7);
        var positions = Enumerable.Range(0, steps).Select(_ => random.NextInt64(1, last + 1)).ToArray();
        var randomStepsTeam = await Time(positions, n => feed.GetSnapshotAt(Participant.Facilitator, team, n));
        var randomStepsControl = await Time(positions, n => feed.GetSnapshotAt(Participant.Facilitator, Participant.Facilitator, n));
        var middle = last / 2;
        var eventSteps = await Time([.. Enumerable.Range(1, steps).Select(i => middle + i)], n => feed.GetSnapshotAt(Participant.Facilitator, team, n));
        var turnStarts = (await log.ReadStreamAsync(ExerciseId, StreamNames.Exercise))
            .Where(e => e.Event is TurnStarted).Select(e => e.Sequence).ToArray();
        var turnSteps = await Time(turnStarts, n => feed.GetSnapshotAt(Participant.Facilitator, team, n));

        // The old way, as GetSnapshotAt did it before checkpoints: read the log up to N and fold it all.
        var oldPositions = positions.Take(Math.Min(5, positions.Length)).Append(last).ToArray();
        var refold = await Time(oldPositions, async n =>
        {
            var events = await log.ReadExerciseAsync(ExerciseId, 0, n);
            return Snapshots.Build(WorldState.Replay(ExerciseId, events), team, events);
        });

        // Where a cold fold's time goes: reading (SQLite + JSON) against folding.
        var readWatch = Stopwatch.StartNew();
        var all = await log.ReadExerciseAsync(ExerciseId);
        readWatch.Stop();
        var foldWatch = Stopwatch.StartNew();
        _ = WorldState.Replay(ExerciseId, all);
        foldWatch.Stop();

        // The same answer both ways (a benchmark that measured a wrong replay would mean nothing).
        var check = await log.ReadExerciseAsync(ExerciseId, 0, positions[0]);
        var expected = Snapshots.Build(WorldState.Replay(ExerciseId, check), team, check);
        var actual = await feed.GetSnapshotAt(Participant.Facilitator, team, positions[0]);
        var same = System.Text.Json.JsonSerializer.Serialize(expected, EventJson.Options) == System.Text.Json.JsonSerializer.Serialize(actual, EventJson.Options);

        output.AppendLine(CultureInfo.InvariantCulture, $"## CrisisGrid review benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}. One exercise of small-test played to {last:N0} events over {turnStarts.Length} turns through the grain host (SQLite){(played ? " in an earlier run" : $", in {fill.Elapsed.TotalSeconds:0.0} s")}; host restarted on the same database before measuring. Checkpoint every {Grains.Review.WorldCheckpoints.DefaultInterval} events. Replay with checkpoints equals the full refold at event {positions[0]:N0}: {(same ? "yes" : "NO")}.");
        output.AppendLine();
        output.AppendLine("| what | calls | p50 ms | p99 ms | max ms |");
        output.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| first review view on a cold host (feed activation folds {last:N0} events, then replay as team ARD at the last event; {firstView.Recent.Length} recent events) | 1 | {first.Elapsed.TotalMilliseconds:0.0} | | |");
        Row("slider to a random event, as team ARD (checkpoints)", randomStepsTeam);
        Row("slider to a random event, as exercise control (checkpoints)", randomStepsControl);
        Row("step event by event from the middle, as team ARD (checkpoints)", eventSteps);
        Row("step turn by turn, as team ARD (checkpoints)", turnSteps);
        Row("old way: read the log to N and refold it, as team ARD (5 random N + the last)", refold);
        Row($"of which: read all {all.Count:N0} events from SQLite (JSON included)", [readWatch.Elapsed.TotalMilliseconds]);
        Row($"of which: fold all {all.Count:N0} events into a WorldState", [foldWatch.Elapsed.TotalMilliseconds]);
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Process memory at the end: {Machine.Memory()}. Load average (1/5/15 min) before: {loadBefore}; after: {Machine.LoadAverage()}.");
        return output.ToString();

        void Row(string what, List<double> ms)
        {
            ms.Sort();
            output.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {ms.Count} | {Percentile(ms, 0.50):0.0} | {Percentile(ms, 0.99):0.0} | {ms[^1]:0.0} |");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<List<double>> Time<T>(IEnumerable<long> positions, Func<long, Task<T>> replay)
    {
        var times = new List<double>();
        foreach (var n in positions)
        {
            var watch = Stopwatch.StartNew();
            _ = await replay(n);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task<Host> StartHost(string database)
    {
        // One Orleans silo on loopback with SQLite; the benchmark calls grains through the silo's own grain factory.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Storage:Provider"] = "sqlite";
        builder.Configuration["Storage:SqlitePath"] = database;
        builder.Configuration["Cluster:SiloPort"] = $"{FreePort()}";
        builder.Configuration["Cluster:GatewayPort"] = $"{FreePort()}";
        builder.UseCrisisGridSilo();
        var host = builder.Build();
        await host.StartAsync();
        return new Host(host);
    }

    /// <summary>Create, start, then in each turn's orders phase 8 clients give and withdraw orders and publish news.</summary>
    private static async Task Play(Host host, ScenarioDefinition scenario, long targetEvents, int turns)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var log = host.Services.GetRequiredService<IEventLog>();
        var exercise = grains.GetGrain<IExerciseGrain>(ExerciseId);
        var control = Participant.Facilitator;
        Accepted(await exercise.Create(new("create", control), new CreateExercise("Long review", scenario, 42)));
        Accepted(await exercise.Start(new("start", control)));
        var advances = 0;
        for (var turn = 1; turn <= turns; turn++)
        {
            while ((await exercise.GetState()).Phase != TurnPhase.Orders)
            {
                Accepted(await exercise.Advance(new($"advance-{advances++}", control), new AdvancePhase()));
            }

            var goal = targetEvents * turn / turns;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
            {
                var code = Nations[client % Nations.Length];
                var actor = code is "ARD" or "BOR" ? Participant.Team(code) : control;
                var nation = grains.GetGrain<INationGrain>(GrainKeys.Scoped(ExerciseId, code));
                var action = new PublicStatement(StatementTone.Firm, "We call for restraint on the border.", code == "BOR" ? "ARD" : "BOR");
                for (var n = 0; await log.GetLastSequenceAsync(ExerciseId) < goal; n++)
                {
                    var prefix = $"t{turn}c{client}n{n}";
                    Accepted(await nation.SubmitOrder(new($"{prefix}s", actor), new SubmitOrder($"{prefix}o", action)));
                    Accepted(await nation.WithdrawOrder(new($"{prefix}w", actor), new WithdrawOrder($"{prefix}o")));
                    Accepted(await exercise.PublishNews(new($"{prefix}p", control), new PublishNews($"Bulletin {n}", "Ministries report a quiet night.")));
                }
            })));

            // One order kept per team nation, so adjudication has something to do each turn.
            foreach (var code in Nations)
            {
                var actor = code is "ARD" or "BOR" ? Participant.Team(code) : control;
                await grains.GetGrain<INationGrain>(GrainKeys.Scoped(ExerciseId, code))
                    .SubmitOrder(new($"t{turn}-{code}-kept", actor), new SubmitOrder($"t{turn}-{code}-kept", new PublicStatement(StatementTone.Conciliatory, "We seek talks.", code == "ARD" ? "BOR" : "ARD")));
            }

            if (turn < turns)
            {
                Accepted(await exercise.Advance(new($"advance-{advances++}", control), new AdvancePhase()));
            }

            Console.Error.WriteLine($"turn {turn}: {await log.GetLastSequenceAsync(ExerciseId)} events");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Accepted(CommandResult result)
    {
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"Refused: {result.Rejection}");
        }
    }

    private sealed class Host(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
