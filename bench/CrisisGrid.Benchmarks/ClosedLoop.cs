using System.Diagnostics;

namespace CrisisGrid.Benchmarks;

/// <summary>
/// Runs C clients in a closed loop (each sends its next operation as soon as the previous one is acknowledged) for a
/// warm-up and then a measured window. Only operations that complete inside the window are counted.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>One client's session: it calls <see cref="Probe.Time"/> for every operation until the probe says stop.</summary>
    public delegate Task Client(int index, Probe probe);

    /// <summary>Runs the clients; returns the per-kind summaries and the CPU time this process used in the window.</summary>
    public static async Task<(List<LatencySummary> Rows, TimeSpan Cpu)> Run(int clients, TimeSpan warmup, TimeSpan duration, Client client)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var probes = Enumerable.Range(0, clients).Select(_ => new Probe(measureFrom, stopAt)).ToList();
        var cpu = MeasureCpu(warmup, duration);

        // Task.Run so that each client starts on the thread pool rather than running its first steps inline here.
        await Task.WhenAll(probes.Select((probe, i) => Task.Run(() => client(i, probe))));
        return (Latencies.Summarise(probes.Select(p => p.Latencies), duration), await cpu);
    }

    // CPU time of the whole process (every thread: clients, grains, the SQLite writer) over the measured window.
    private static async Task<TimeSpan> MeasureCpu(TimeSpan warmup, TimeSpan duration)
    {
        await Task.Delay(warmup);
        var before = Environment.CpuUsage.TotalTime;
        await Task.Delay(duration);
        return Environment.CpuUsage.TotalTime - before;
    }

    internal sealed class Probe(long measureFrom, long stopAt)
    {
        public Latencies Latencies { get; } = new();

        public bool Running => Stopwatch.GetTimestamp() < stopAt;

        /// <summary>Times one operation; false if it failed (counted, not thrown, so the load keeps its shape).</summary>
        public async Task<bool> Time(string kind, Func<Task<bool>> operation)
        {
            var begin = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = await operation();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"{kind} failed: {ex.GetType().Name}: {ex.Message}");
                ok = false;
            }

            var end = Stopwatch.GetTimestamp();
            if (end >= measureFrom && end < stopAt)
            {
                if (ok)
                {
                    Latencies.Add(kind, Stopwatch.GetElapsedTime(begin, end).TotalMilliseconds);
                }
                else
                {
                    Latencies.Fail(kind);
                }
            }

            return ok;
        }
    }
}
