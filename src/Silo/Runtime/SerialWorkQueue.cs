namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Runs work items one after another, in the order they were queued, on the thread pool. Used for observers: like
/// Orleans' local object mailbox, an observer receives its calls in order and one at a time, but never on the
/// calling grain's scheduler. Hand-written because it is a few lines over Task.ContinueWith; a Channel plus a reader
/// loop would add a long-lived task per observer for no gain.
/// </summary>
internal sealed class SerialWorkQueue
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    public Task<object?> Enqueue(Func<Task<object?>> work)
    {
        lock (_gate)
        {
            // TaskScheduler.Default (never the caller's scheduler), and without the caller's execution context.
            var next = ExecutionFlow.WithoutFlow(
                static s => s.tail.ContinueWith(
                    static (_, w) => ((Func<Task<object?>>)w!)(),
                    s.work,
                    CancellationToken.None,
                    TaskContinuationOptions.DenyChildAttach,
                    TaskScheduler.Default).Unwrap(),
                (tail: _tail, work));
            _tail = next;
            return next;
        }
    }
}
