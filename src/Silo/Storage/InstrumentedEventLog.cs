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

    public Task<IReadOnlyList<RecordedEvent>> AppendAsync(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events,
        CancellationToken cancellationToken = default)
    {
        var caller = Activity.Current;
        var activity = CrisisGridTelemetry.Source.StartActivity(CrisisGridTelemetry.AppendSpan, ActivityKind.Client);
        activity?.SetTag(CrisisGridTelemetry.Tags.Store, store);
        activity?.SetTag(CrisisGridTelemetry.Tags.Exercise, exerciseId);
        activity?.SetTag(CrisisGridTelemetry.Tags.Stream, stream);
        activity?.SetTag(CrisisGridTelemetry.Tags.EventCount, events?.Count ?? 0);
        var started = Stopwatch.GetTimestamp();
        Task<IReadOnlyList<RecordedEvent>> append;
        try
        {
            append = inner.AppendAsync(exerciseId, stream, expectedVersion, commandId, events!, cancellationToken);
        }
        catch (Exception ex)
        {
            Finish(activity, started, ex);
            throw;
        }
        finally
        {
            Activity.Current = caller;
        }

        // The store's own task goes back to the caller untouched (it completes exactly when the events are durable);
        // the measurement rides along on the side.
        _ = append.ContinueWith(
            (done, state) => Finish((Activity?)state, started, done.Exception?.InnerException ?? (done.IsCanceled ? new OperationCanceledException() : null)),
            activity,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return append;
    }

    private void Finish(Activity? activity, long started, Exception? failure)
    {
        var outcome = failure switch
        {
            null => CrisisGridMetrics.Outcomes.Accepted,
            EventLogConcurrencyException => CrisisGridMetrics.Outcomes.Rejected,
            _ => CrisisGridMetrics.Outcomes.Failed,
        };
        metrics?.Appended(store, outcome, Stopwatch.GetElapsedTime(started));
        if (activity is null)
        {
            return;
        }

        activity.SetTag(CrisisGridTelemetry.Tags.Outcome, outcome);
        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }

        // Stop makes the span's parent current on this thread (the store's writer): put back what was there.
        var current = Activity.Current;
        activity.Stop();
        Activity.Current = current;
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
