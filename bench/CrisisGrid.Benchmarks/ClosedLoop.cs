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

    public static async Task<List<LatencySummary>> Run(int clients, TimeSpan warmup, TimeSpan duration, Client client)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var probes = Enumerable.Range(0, clients).Select(_ => new Probe(measureFrom, stopAt)).ToList();

        // Task.Run so that each client starts on the thread pool rather than running its first steps inline here.
        await Task.WhenAll(probes.Select((probe, i) => Task.Run(() => client(i, probe))));
        return Latencies.Summarise(probes.Select(p => p.Latencies), duration);
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
