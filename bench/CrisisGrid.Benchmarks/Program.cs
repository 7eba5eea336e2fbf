using System.Globalization;
using System.Text;
using CrisisGrid.Benchmarks;
using Microsoft.Extensions.Configuration;

// Options (Microsoft.Extensions.Configuration's command-line syntax):
//   --duration 20       measured seconds per row          --warmup 3        seconds before measuring
//   --concurrency 1,32  clients/appenders per row         --exercises 8     exercises of small-test in the grain host
//   --only raw|engine   run one half                       --data DIR        where the temporary databases go (default: temp)
//   --review            the after-action review on a long exercise instead (issue 7):
//                       --events 100000  --turns 6 (small-test has 6)  --steps 200
//                       --database FILE  keep the played exercise there; a later run on the same file only measures
var config = new ConfigurationBuilder().AddCommandLine(args).Build();
var duration = TimeSpan.FromSeconds(config.GetValue("duration", 20.0));
var warmup = TimeSpan.FromSeconds(config.GetValue("warmup", 3.0));
var concurrency = (config["concurrency"] ?? "1,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var exercises = config.GetValue("exercises", 8);
var only = config["only"];
var dataRoot = config["data"] ?? Path.GetTempPath();

var directory = Directory.CreateTempSubdirectory("crisisgrid-bench-").FullName;
if (config["data"] is not null)
{
    directory = Path.Combine(dataRoot, $"crisisgrid-bench-{Environment.ProcessId}");
    Directory.CreateDirectory(directory);
}

if (config.GetValue("review", false))
{
    try
    {
        Console.WriteLine(await ReviewBenchmark.Run(
            directory,
            Path.Combine(AppContext.BaseDirectory, "scenarios", "small-test.yaml"),
            config.GetValue("events", 100_000L),
            config.GetValue("turns", 6),
            config.GetValue("steps", 200),
            config["database"]));
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }

    return;
}

var output = new StringBuilder();
var loadAtStart = Machine.LoadAverage();
Console.Error.WriteLine($"Benchmarking in {directory}: {duration.TotalSeconds}s per row after {warmup.TotalSeconds}s warm-up, concurrency {string.Join(", ", concurrency)}.");
output.AppendLine(CultureInfo.InvariantCulture, $"## CrisisGrid engine benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
output.AppendLine();
output.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}. Store: SQLite, WAL, synchronous=FULL, group commit, on `{directory}`. {duration.TotalSeconds:0} s measured per row after {warmup.TotalSeconds:0} s warm-up; closed loop (each client sends its next operation when the last is acknowledged).");
output.AppendLine();
output.AppendLine("| what | concurrency | operation | ops | ops/s | p50 ms | p99 ms | max ms | failed | CPU cores used / CPU µs per op | load avg before → after |");
output.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");

try
{
    if (only is null or "raw")
    {
        var floorBefore = Machine.LoadAverage();
        Append("disk floor (same directory)", "1", await FsyncFloor.Run(directory, warmup, duration), floorBefore);
        foreach (var c in concurrency)
        {
            var before = Machine.LoadAverage();
            var rows = await RawAppendBenchmark.Run(directory, c, warmup, duration);
            Append("raw SqliteEventLog.AppendAsync, 1 event", c.ToString(CultureInfo.InvariantCulture), rows, before);
        }
    }

    if (only is null or "engine")
    {
        await using var engine = await EngineBenchmark.Start(directory, Path.Combine(AppContext.BaseDirectory, "scenarios", "small-test.yaml"), exercises);
        foreach (var c in concurrency)
        {
            var before = Machine.LoadAverage();
            var rows = await engine.Run(c, warmup, duration);
            Append("grain host + SQLite", $"{c} ({engine.Describe(c)})", rows, before);
        }

        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Process memory at the end (silo still running): {Machine.Memory()}.");
    }
    else
    {
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Process memory at the end: {Machine.Memory()}.");
    }

    output.AppendLine();
    output.AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min) at start: {loadAtStart}; at end: {Machine.LoadAverage()}.");
    Console.WriteLine(output);
}
finally
{
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // SQLite may still hold the file a moment after disposal; the OS cleans temp eventually.
    }
}

void Append(string what, string clients, (List<LatencySummary> Rows, TimeSpan Cpu) run, string loadBefore)
{
    // CPU is measured for the whole process over the window, so it is shown once, on the row that covers every operation.
    var total = run.Rows[^1];
    foreach (var r in run.Rows)
    {
        var cpu = r == total ? string.Create(CultureInfo.InvariantCulture, $"{run.Cpu.TotalSeconds / duration.TotalSeconds:0.00} / {run.Cpu.TotalMicroseconds / Math.Max(1, r.Count):0}") : "";
        output.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {clients} | {r.Kind} | {r.Count} | {r.PerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.Failed} | {cpu} | {loadBefore} → {Machine.LoadAverage()} |");
    }

    Console.Error.WriteLine($"done: {what}, {clients}");
}
