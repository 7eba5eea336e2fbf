using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// Collects the spans every process a test starts exports (OpenTelemetry's in-memory exporter), so a test can follow
/// one trace across the gateway and the silo. Give <see cref="Attach"/> to each host the test starts: the gateway
/// today, the gateway and the silo once they run apart. Spans of other tests' hosts in this process may arrive too;
/// tests pick theirs by trace id.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly SpanQueue _spans = new();

    /// <summary>Traces what CrisisGrid and Orleans record in a host (with or without AddServiceDefaults) into this capture.</summary>
    public void Attach(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(Diagnostics.CrisisGridTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
            .AddInMemoryExporter(_spans));

    /// <summary>The finished spans of one trace.</summary>
    // The in-process test silo and the gateway each export to this capture (one process, two hosts), so a span can
    // arrive twice: one entry per span id.
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => [.. _spans.Where(s => s.TraceId == traceId).DistinctBy(s => s.SpanId)];

    // The exporter adds from whichever thread ends a span while the test reads: a concurrent queue behind ICollection.
    private sealed class SpanQueue : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> _queue = new();

        public int Count => _queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => _queue.Enqueue(item);

        public void Clear() => _queue.Clear();

        public bool Contains(Activity item) => _queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => _queue.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException("Spans are only ever added.");

        public IEnumerator<Activity> GetEnumerator() => _queue.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
