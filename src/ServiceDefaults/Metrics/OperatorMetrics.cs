using CrisisGrid.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace CrisisGrid.ServiceDefaults.Metrics;

/// <summary>One reading of one metric stream (a metric and one combination of tag values), as operators see it.</summary>
public sealed record MetricReading(
    string Meter,
    string Name,
    string Unit,
    IReadOnlyDictionary<string, string> Tags,
    double? Value,
    long? Count,
    double? Sum,
    double? Min,
    double? Max);

/// <summary>
/// The process's metrics on demand, for the operator endpoint: an OpenTelemetry reader that collects only when asked,
/// with cumulative totals (commands since start, latency histograms since start). OpenTelemetry does the aggregation;
/// this only turns its points into readings.
/// </summary>
public sealed class OperatorMetrics : IDisposable
{
    // What an operator needs on one page: the domain, Orleans, and the runtime (memory, GC, threads).
    private static readonly HashSet<string> Meters = [CrisisGridTelemetry.Name, Microsoft.Extensions.Hosting.ServiceDefaultsExtensions.OrleansMeter, "System.Runtime"];

    private readonly SnapshotExporter _exporter = new();
    private readonly Lock _gate = new();

    public OperatorMetrics()
    {
        Reader = new BaseExportingMetricReader(_exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
    }

    public MetricReader Reader { get; }

    /// <summary>Collects now and returns every reading of the domain, Orleans and runtime meters.</summary>
    public IReadOnlyList<MetricReading> Read()
    {
        lock (_gate)
        {
            Reader.Collect();
            return _exporter.Last;
        }
    }

    // The meter provider disposes its readers too; a reader's Dispose runs once however often it is called.
    public void Dispose() => Reader.Dispose();

    private sealed class SnapshotExporter : BaseExporter<Metric>
    {
        public IReadOnlyList<MetricReading> Last { get; private set; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            var readings = new List<MetricReading>();
            foreach (var metric in batch)
            {
                if (!Meters.Contains(metric.MeterName))
                {
                    continue;
                }

                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    readings.Add(Reading(metric, point));
                }
            }

            Last = readings;
            return ExportResult.Success;
        }

        private static MetricReading Reading(Metric metric, in MetricPoint point)
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }

            return metric.MetricType switch
            {
                MetricType.Histogram or MetricType.ExponentialHistogram => new MetricReading(
                    metric.MeterName, metric.Name, metric.Unit, tags, null, point.GetHistogramCount(), point.GetHistogramSum(),
                    point.TryGetHistogramMinMaxValues(out var min, out _) ? min : null,
                    point.TryGetHistogramMinMaxValues(out _, out var max) ? max : null),
                MetricType.LongSum or MetricType.LongSumNonMonotonic => Scalar(metric, tags, point.GetSumLong()),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => Scalar(metric, tags, point.GetSumDouble()),
                MetricType.LongGauge => Scalar(metric, tags, point.GetGaugeLastValueLong()),
                MetricType.DoubleGauge => Scalar(metric, tags, point.GetGaugeLastValueDouble()),
                _ => Scalar(metric, tags, double.NaN),
            };
        }

        private static MetricReading Scalar(Metric metric, IReadOnlyDictionary<string, string> tags, double value) =>
            new(metric.MeterName, metric.Name, metric.Unit, tags, value, null, null, null, null);
    }
}
