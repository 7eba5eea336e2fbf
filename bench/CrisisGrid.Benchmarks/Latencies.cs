namespace CrisisGrid.Benchmarks;

/// <summary>Summary of one kind of operation over the measured window.</summary>
internal sealed record LatencySummary(string Kind, int Count, double PerSecond, double P50Ms, double P99Ms, double MaxMs, int Failed);

/// <summary>
/// The latencies one load client recorded, by kind of operation. Each client owns its recorder (no locking on the
/// hot path); the runner merges them when the run is over.
/// </summary>
internal sealed class Latencies
{
    private readonly Dictionary<string, List<double>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failed = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, List<double>> ByKind => _byKind;

    public IReadOnlyDictionary<string, int> Failed => _failed;

    public void Add(string kind, double milliseconds)
    {
        if (!_byKind.TryGetValue(kind, out var list))
        {
            _byKind[kind] = list = [];
        }

        list.Add(milliseconds);
    }

    public void Fail(string kind) => _failed[kind] = _failed.GetValueOrDefault(kind) + 1;

    /// <summary>
    /// Per-kind and overall summaries. Percentiles are computed by hand — sort every recorded latency and take the
    /// nearest rank — because we keep all samples anyway and a histogram library would add nothing at this size.
    /// </summary>
    public static List<LatencySummary> Summarise(IEnumerable<Latencies> clients, TimeSpan window)
    {
        var merged = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            foreach (var (kind, list) in client.ByKind)
            {
                if (!merged.TryGetValue(kind, out var all))
                {
                    merged[kind] = all = [];
                }

                all.AddRange(list);
            }

            foreach (var (kind, count) in client.Failed)
            {
                failed[kind] = failed.GetValueOrDefault(kind) + count;
            }
        }

        var summaries = merged.Select(m => Summary(m.Key, m.Value, window, failed.GetValueOrDefault(m.Key))).ToList();
        if (merged.Count > 1)
        {
            summaries.Add(Summary("all", [.. merged.Values.SelectMany(v => v)], window, failed.Values.Sum()));
        }

        return summaries;
    }

    private static LatencySummary Summary(string kind, List<double> samples, TimeSpan window, int failed)
    {
        samples.Sort();
        return new LatencySummary(kind, samples.Count, samples.Count / window.TotalSeconds, Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count == 0 ? double.NaN : samples[^1], failed);
    }

    // Nearest rank on sorted samples: the smallest value with at least p of the samples at or below it.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
