using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Silo.Storage.Sqlite;

namespace CrisisGrid.Benchmarks;

/// <summary>
/// The store on its own: <see cref="SqliteEventLog"/> on a temporary file (WAL, synchronous=FULL, group commit), one
/// event per append, each appender on its own stream (so no append fails its version check). This is the ceiling the
/// grain host can reach with persistence on.
/// </summary>
internal static class RawAppendBenchmark
{
    public static async Task<(List<LatencySummary> Rows, TimeSpan Cpu)> Run(string directory, int appenders, TimeSpan warmup, TimeSpan duration)
    {
        var path = Path.Combine(directory, $"raw-{appenders}.db");
        await using var log = new SqliteEventLog(path, TimeProvider.System);
        return await ClosedLoop.Run(appenders, warmup, duration, async (index, probe) =>
        {
            var exerciseId = $"raw-{index}";
            long version = 0;
            while (probe.Running)
            {
                var order = new Order($"order-{version}", 1, new PublicStatement(StatementTone.Firm, "We call for restraint on the border.", "BOR"), 1);
                PendingEvent[] events = [new(new OrderSubmitted(order), Audience.ToNation("ARD"))];
                await probe.Time("append", async () =>
                {
                    await log.AppendAsync(exerciseId, StreamNames.Nation("ARD"), version, $"cmd-{version}", events);
                    version++;
                    return true;
                });
            }
        });
    }
}
