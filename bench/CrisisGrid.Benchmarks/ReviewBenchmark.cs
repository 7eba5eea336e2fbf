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
        var team = Participant.Team("ARD");

        // The peer: a cold host whose database has no review checkpoints (as before they were persisted), so the feed's
        // activation folds the whole log. It writes the checkpoints as it goes, and its deactivation the projection.
        ForgetCheckpoints(database);
        TimeSpan foldedFirstView;
        TimeSpan foldedReplay;
        await using (var folding = await StartHost(database))
        {
            var folded = await FirstView(folding, team);
            (foldedFirstView, foldedReplay) = (folded.Total, folded.Replay);
        }

        await using var cold = await StartHost(database);
        var grains = cold.Services.GetRequiredService<IGrainFactory>();
        var log = cold.Services.GetRequiredService<IEventLog>();
        var feed = grains.GetGrain<IExerciseFeedGrain>(ExerciseId);
        var last = await log.GetLastSequenceAsync(ExerciseId);

        // First view with the persisted checkpoints: activation reads the latest projection and folds nothing after it.
        var firstView = await FirstView(cold, team);

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

        // The same answers both ways (a benchmark that measured a wrong replay would mean nothing): replays at a few
        // events, and the charts and turn summaries from the restored projection against a fold of the whole log.
        var same = true;
        foreach (var n in positions.Take(3).Append(last))
        {
            var check = all.Take((int)n).ToList();
            var expected = Snapshots.Build(WorldState.Replay(ExerciseId, check), team, check);
            same &= Json(expected) == Json(await feed.GetSnapshotAt(Participant.Facilitator, team, n));
        }

        same &= Json(Grains.Review.ReviewSeriesBuilder.From(ExerciseId, all)) == Json(await feed.GetReviewSeries(Participant.Facilitator));
        same &= Json(Grains.Review.TurnSummaryBuilder.From(ExerciseId, all)) == Json(await feed.GetTurnSummaries(Participant.Facilitator));

        output.AppendLine(CultureInfo.InvariantCulture, $"## CrisisGrid review benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}. One exercise of small-test played to {last:N0} events over {turnStarts.Length} turns through the grain host (SQLite){(played ? " in an earlier run" : $", in {fill.Elapsed.TotalSeconds:0.0} s")}. World checkpoint every {Grains.Review.WorldCheckpoints.DefaultInterval} events, the feed's projection every {Grains.Review.Checkpoints.ReviewCheckpoints.FeedEvery} and at deactivation. Replays at {Math.Min(3, positions.Length) + 1} events, the charts and the turn summaries through persisted checkpoints equal the full fold: {(same ? "yes" : "NO")}.");
        output.AppendLine();
        output.AppendLine("| what | calls | p50 ms | p99 ms | max ms |");
        output.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        Row($"first review view, no persisted checkpoints (cold host: the feed folds all {last:N0} events; then replay as team ARD at the last event, charts, turn summaries)", [foldedFirstView.TotalMilliseconds]);
        Row("of which the first replay call (the feed's activation)", [foldedReplay.TotalMilliseconds]);
        Row($"first review view, persisted checkpoints (cold host: the feed reads its projection; same three calls; {firstView.Recent} recent events)", [firstView.Total.TotalMilliseconds]);
        Row("of which the first replay call (the feed's activation)", [firstView.Replay.TotalMilliseconds]);
        Row("slider to a random event, as team ARD (checkpoints)", randomStepsTeam);
        Row("slider to a random event, as exercise control (checkpoints)", randomStepsControl);
        Row("step event by event from the middle, as team ARD (checkpoints)", eventSteps);
        Row("step turn by turn, as team ARD (checkpoints)", turnSteps);
        Row("old way: read the log to N and refold it, as team ARD (5 random N + the last)", refold);
        Row($"of which: read all {all.Count:N0} events from SQLite (JSON included)", [readWatch.Elapsed.TotalMilliseconds]);
        Row($"of which: fold all {all.Count:N0} events into a WorldState", [foldWatch.Elapsed.TotalMilliseconds]);
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Review checkpoints in the database: {CheckpointSizes(database)}.");
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Process memory at the end: {Machine.Memory()}. Load average (1/5/15 min) before: {loadBefore}; after: {Machine.LoadAverage()}.");
        return output.ToString();

        void Row(string what, List<double> ms)
        {
            ms.Sort();
            output.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {ms.Count} | {Percentile(ms, 0.50):0.0} | {(ms.Count > 1 ? $"{Percentile(ms, 0.99):0.0}" : "")} | {(ms.Count > 1 ? $"{ms[^1]:0.0}" : "")} |");
        }
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, EventJson.Options);

    /// <summary>What the review's first screen asks for on a cold host: a replay at the end, the charts, the turn summaries.</summary>
    private static async Task<(TimeSpan Total, TimeSpan Replay, int Recent)> FirstView(Host host, Participant viewer)
    {
        var feed = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseFeedGrain>(ExerciseId);
        var last = await host.Services.GetRequiredService<IEventLog>().GetLastSequenceAsync(ExerciseId);
        // A running server: the silo's own start-up and the first grain calls of the process are not the review's.
        _ = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseFeedGrain>("warm-up").GetSnapshot(viewer);
        var watch = Stopwatch.StartNew();
        var snapshot = await feed.GetSnapshotAt(Participant.Facilitator, viewer, last) ?? throw new InvalidOperationException("replay refused");
        var replay = watch.Elapsed;
        _ = await feed.GetReviewSeries(Participant.Facilitator) ?? throw new InvalidOperationException("series refused");
        _ = await feed.GetTurnSummaries(Participant.Facilitator) ?? throw new InvalidOperationException("summaries refused");
        return (watch.Elapsed, replay, snapshot.Recent.Length);
    }

    private static void ForgetCheckpoints(string database)
    {
        // Opening the log first migrates an older file (it gains the checkpoint table).
        new Silo.Storage.Sqlite.SqliteEventLog(database, TimeProvider.System).Dispose();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM review_checkpoints;";
        command.ExecuteNonQuery();
    }

    private static string CheckpointSizes(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, COUNT(*), SUM(LENGTH(payload)), MAX(LENGTH(payload)) FROM review_checkpoints GROUP BY kind ORDER BY kind;";
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}: {reader.GetInt64(1)} rows, {reader.GetInt64(2) / 1024.0:N0} KiB in all, largest {reader.GetInt64(3) / 1024.0:N0} KiB"));
        }

        return string.Join("; ", parts);
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
        // Logs go to stderr: stdout is the Markdown report.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("CrisisGrid.Grains.Feed", LogLevel.Information); // how long each feed activation took
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
