using System.Collections.Concurrent;
using System.Diagnostics;
using CrisisGrid.Diagnostics;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CrisisGrid.Grains.Tests.Telemetry;

/// <summary>
/// A command sent by a cluster client (as the gateway sends it) is one trace in the silo: the caller's span, then the
/// grain's command span, then the event-log append that made it durable. Client and silo are separate Orleans hosts
/// here, so the trace context crosses a real grain call, as it does between the gateway and silo processes.
/// </summary>
public sealed class CommandTraceTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly ConcurrentBag<Activity> _spans = [];
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(_dir.File("log.db"), TestClock.Create(), services => services
            .AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(CrisisGridTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddInMemoryExporter(new SpanSink(_spans))));

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_command_from_a_client_is_one_trace_down_to_the_event_log_append()
    {
        var driver = new EngineDriver(_silo);
        using var caller = new Activity("gateway command").SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();
        await driver.Create(EngineDriver.Sample("small-test"));
        caller.Stop();

        // The grain's spans end before it answers, and the exporter takes each span as it ends.
        IReadOnlyList<Activity> trace = [.. _spans.Where(s => s.TraceId == caller.TraceId)];

        var command = Assert.Single(trace, s => s.OperationName == CrisisGridTelemetry.CommandSpan && (string?)s.GetTagItem(CrisisGridTelemetry.Tags.Command) == "Exercise.Create");
        Assert.Equal(CrisisGridMetrics.Outcomes.Accepted, command.GetTagItem(CrisisGridTelemetry.Tags.Outcome));
        Assert.Contains(trace, s => s.OperationName == CrisisGridTelemetry.AppendSpan && Ancestors(s, trace).Contains(command.SpanId));
        Assert.All(trace, s => Assert.True(Ancestors(s, trace).Contains(caller.SpanId) || s.ParentSpanId == caller.SpanId, $"{s.DisplayName} is not under the caller's span"));
    }

    private static List<ActivitySpanId> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        var ancestors = new List<ActivitySpanId>();
        for (var parent = span.ParentSpanId; parent != default; parent = byId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }

    // The in-memory exporter wants an ICollection; spans end on many silo threads while the test reads.
    private sealed class SpanSink(ConcurrentBag<Activity> spans) : ICollection<Activity>
    {
        public int Count => spans.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => spans.Add(item);

        public void Clear() => spans.Clear();

        public bool Contains(Activity item) => spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException("Spans are only ever added.");

        public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
