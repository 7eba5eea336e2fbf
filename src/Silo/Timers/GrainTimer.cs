using CrisisGrid.Silo.Runtime;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Timers;

/// <summary>
/// A timer bound to one activation. Each tick is a turn in the activation's mailbox, so it never runs alongside a
/// request (unless the timer interleaves). The next tick is armed only when a callback has finished: the period counts
/// from the end of one callback to the next, as in Orleans, and ticks never pile up behind a slow callback.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;
    private TimeSpan _period;
    private TimeSpan? _dueAfterCallback;
    private bool _tickQueued;
    private bool _running;
    private bool _isDisposed;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, TimeProvider time, ILogger logger)
    {
        _activation = activation;
        _callback = callback;
        _time = time;
        _logger = logger;
        _period = NormalizePeriod(options.Period);
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public void Start(TimeSpan dueTime)
    {
        bool fireNow;
        lock (_gate)
        {
            fireNow = ArmLocked(dueTime);
        }

        if (fireNow)
        {
            OnDue();
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimes(dueTime, period);
        bool fireNow;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            _period = NormalizePeriod(period);
            if (_running)
            {
                // Called from the callback itself: the new due time counts from the end of this callback.
                _dueAfterCallback = dueTime;
                return;
            }

            fireNow = ArmLocked(dueTime);
        }

        if (fireNow)
        {
            OnDue();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
        }

        _timer?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        _activation.RemoveTimer(this);
    }

    internal static void ValidateTimes(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be zero or more (zero: one-shot), or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>The tick's turn, on the activation's scheduler.</summary>
    internal async Task RunTickAsync()
    {
        CancellationToken token;
        lock (_gate)
        {
            _tickQueued = false;
            if (_isDisposed)
            {
                return;
            }

            _running = true;
            token = _disposed.Token;
        }

        // A timer callback starts a new call chain, with only this grain in it.
        CallChain.Current = CallChain.Enter(null, _activation.GrainId);
        try
        {
            await _callback(token);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A timer callback of {Grain} threw; the timer keeps running", _activation.GrainId);
        }
        finally
        {
            // Re-armed inside the turn, so whoever sees this turn end also sees the next tick scheduled.
            bool fireNow;
            lock (_gate)
            {
                _running = false;
                var due = _dueAfterCallback ?? _period;
                _dueAfterCallback = null;
                fireNow = ArmLocked(due);
            }

            if (fireNow)
            {
                OnDue();
            }
        }
    }

    /// <summary>Arms the underlying timer; returns true when the tick is due now. Call under the lock.</summary>
    private bool ArmLocked(TimeSpan due)
    {
        if (_isDisposed)
        {
            return false;
        }

        if (due == Timeout.InfiniteTimeSpan)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return false;
        }

        if (due <= TimeSpan.Zero)
        {
            // Due now: queue the tick directly, so a manual test clock does not have to move for it.
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return true;
        }

        // One-shot every time: the next tick is armed after the callback ends.
        _timer ??= ExecutionFlow.CreateTimer(_time, static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(due, Timeout.InfiniteTimeSpan);
        return false;
    }

    private void OnDue()
    {
        lock (_gate)
        {
            if (_isDisposed || _tickQueued || _running)
            {
                return;
            }

            _tickQueued = true;
        }

        if (!_activation.TryEnqueue(new TimerTick(this)))
        {
            // The activation is gone; its timers die with it.
            Dispose();
        }
    }

    private static TimeSpan NormalizePeriod(TimeSpan period) => period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
}
