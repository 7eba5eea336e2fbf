using System.Diagnostics;
using CrisisGrid.Diagnostics;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// Times every append, whichever store is behind it: a <c>crisisgrid.eventlog.append</c> span (child of the command
/// that caused it) and the append-latency histogram. Reads pass straight through. Disposing it disposes the store,
/// which commits appends still queued.
/// </summary>
internal sealed class InstrumentedEventLog(IEventLog inner, string store, CrisisGridMetrics? metrics) : IEventLog, IAsyncDisposable, IDisposable
{
    /// <summary>The store being timed.</summary>
    public IEventLog Inner => inner;

    public async Task<IReadOnlyList<RecordedEvent>> AppendAsync(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events,
        CancellationToken cancellationToken = default)
    {
        using var activity = CrisisGridTelemetry.Source.StartActivity(CrisisGridTelemetry.AppendSpan, ActivityKind.Client);
        activity?.SetTag(CrisisGridTelemetry.Tags.Store, store);
        activity?.SetTag(CrisisGridTelemetry.Tags.Exercise, exerciseId);
        activity?.SetTag(CrisisGridTelemetry.Tags.Stream, stream);
        activity?.SetTag(CrisisGridTelemetry.Tags.EventCount, events?.Count ?? 0);
        var started = Stopwatch.GetTimestamp();
        var outcome = CrisisGridMetrics.Outcomes.Failed;
        try
        {
            var recorded = await inner.AppendAsync(exerciseId, stream, expectedVersion, commandId, events!, cancellationToken);
            outcome = CrisisGridMetrics.Outcomes.Accepted;
            return recorded;
        }
        catch (EventLogConcurrencyException)
        {
            outcome = CrisisGridMetrics.Outcomes.Rejected;
            throw;
        }
        finally
        {
            activity?.SetTag(CrisisGridTelemetry.Tags.Outcome, outcome);
            if (outcome != CrisisGridMetrics.Outcomes.Accepted)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }

            metrics?.Appended(store, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string exerciseId, string stream, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(exerciseId, stream, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadExerciseAsync(
        string exerciseId,
        long afterSequence = 0,
        long? upToSequence = null,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default) =>
        inner.ReadExerciseAsync(exerciseId, afterSequence, upToSequence, maxCount, cancellationToken);

    public Task<long> GetLastSequenceAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        inner.GetLastSequenceAsync(exerciseId, cancellationToken);

    public ValueTask DisposeAsync() => inner switch
    {
        IAsyncDisposable asyncDisposable => asyncDisposable.DisposeAsync(),
        IDisposable disposable => Dispose(disposable),
        _ => ValueTask.CompletedTask,
    };

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static ValueTask Dispose(IDisposable disposable)
    {
        disposable.Dispose();
        return ValueTask.CompletedTask;
    }
}
