using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;
using CrisisGrid.Silo.Storage.Sqlite;

// Usage: CrisisGrid.Storage.CrashWriter <database path> <exercise id> <concurrent appenders>
// Prints "ready", then one line per acknowledged append: "<sequence>" of its (single) event. Runs until killed.
if (args.Length != 3 || !int.TryParse(args[2], out var appenders) || appenders < 1)
{
    await Console.Error.WriteLineAsync("usage: CrisisGrid.Storage.CrashWriter <database path> <exercise id> <concurrent appenders>");
    return 2;
}

var (path, exerciseId) = (args[0], args[1]);
var log = new SqliteEventLog(path, TimeProvider.System);
var output = Console.Out; // auto-flushed: a line is out of the process as soon as it is written
var gate = new Lock();
output.WriteLine("ready");

// Several appenders so that the kill is likely to land while a batch is being committed.
await Task.WhenAll(Enumerable.Range(0, appenders).Select(appender => Task.Run(async () =>
{
    var stream = $"crash/{appender}";
    for (var version = 0L; ; version++)
    {
        var news = new NewsPublished($"{appender}-{version}", "Crash test", $"Appender {appender}, event {version + 1}", "crash-writer");
        var recorded = await log.AppendAsync(exerciseId, stream, version, $"cmd-{appender}-{version}", [new PendingEvent(news, Audience.Public)]);
        lock (gate)
        {
            output.WriteLine(recorded[0].Sequence);
        }
    }
})));
return 0;
