using System.Reflection;
using CrisisGrid.Silo.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

// Activation, deactivation and idle collection of one activation.
internal sealed partial class ActivationData
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DeactivationReason? _pendingDeactivation;
    private CancellationToken _deactivationToken;

    /// <summary>Completes when this activation has left the directory (deactivated, or failed to activate).</summary>
    public Task Ended => _ended.Task;

    /// <summary>Deactivates after the turns in progress end; items that arrive meanwhile go to the next activation.</summary>
    public void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default)
    {
        bool start;
        lock (_gate)
        {
            start = RequestDeactivationLocked(reason, cancellationToken);
        }

        if (start)
        {
            StartDeactivation();
        }
    }

    /// <summary>Deactivates this activation if nothing ran, or waited, since <paramref name="idleSince"/>.</summary>
    public bool TryCollectIfIdle(DateTimeOffset idleSince)
    {
        bool start;
        lock (_gate)
        {
            if (_status != ActivationStatus.Valid || _running > 0 || _waiting.Count > 0 || _lastActivity > idleSince)
            {
                return false;
            }

            start = RequestDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "The activation was idle longer than the collection age."), default);
        }

        if (start)
        {
            StartDeactivation();
        }

        return start;
    }

    private bool RequestDeactivationLocked(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid || _pendingDeactivation is not null)
        {
            return false;
        }

        _pendingDeactivation = reason;
        _deactivationToken = cancellationToken;
        return BeginDeactivationIfQuietLocked();
    }

    /// <summary>Moves to Deactivating when a deactivation is pending and no turn runs. Call under the lock.</summary>
    private bool BeginDeactivationIfQuietLocked()
    {
        if (_status != ActivationStatus.Valid || _running > 0)
        {
            return false;
        }

        _status = ActivationStatus.Deactivating;
        return true;
    }

    private void StartActivation(CallChain? callerChain) => Schedule(static s => ((ActivationStart)s!).Run(), new ActivationStart(this, callerChain));

    private async Task ActivateAsync(CallChain? callerChain)
    {
        // Calls made by OnActivateAsync belong to the chain of the request that caused the activation.
        CallChain.Current = CallChain.Enter(callerChain, GrainId);
        try
        {
            _scope = _runtime.Services.CreateAsyncScope();
            using (RuntimeContext.Enter(this))
            {
                GrainInstance = GrainClass.Factory(ActivationServices, GrainClass.TakesGrainContext ? [this] : null);
            }

            await ((IGrainBase)GrainInstance).OnActivateAsync(_runtime.StoppingToken);
        }
        catch (Exception ex)
        {
            await FailActivationAsync(ex is TargetInvocationException { InnerException: { } inner } ? inner : ex);
            return;
        }

        List<WorkItem>? startable = null;
        var deactivate = false;
        lock (_gate)
        {
            _status = ActivationStatus.Valid;
            _lastActivity = _runtime.Time.GetUtcNow();
            if (_pendingDeactivation is not null)
            {
                deactivate = BeginDeactivationIfQuietLocked();
            }
            else
            {
                startable = TakeStartableLocked();
            }
        }

        _logger.LogDebug("Activated {Grain}", GrainId);
        if (deactivate)
        {
            StartDeactivation();
        }

        startable?.ForEach(StartTurn);
    }

    /// <summary>
    /// Construction or OnActivateAsync threw: the requests that were waiting for this activation fail with that
    /// exception, and the activation leaves the directory so that the next call tries again.
    /// </summary>
    private async Task FailActivationAsync(Exception error)
    {
        _logger.LogWarning(error, "Activating {Grain} ({Class}) failed", GrainId, GrainClass);
        StopTimers();
        var waiting = LeaveDirectory();
        foreach (var item in waiting)
        {
            item.Reject(error);
        }

        await DisposeScopeAsync();
        _ended.TrySetResult();
    }

    private void StartDeactivation() => Schedule(static s => ((ActivationData)s!).DeactivateAsync(), this);

    private async Task DeactivateAsync()
    {
        var reason = _pendingDeactivation!.Value;

        // Timers die first, so that no tick runs during or after OnDeactivateAsync.
        StopTimers();
        CallChain.Current = CallChain.Enter(null, GrainId);
        try
        {
            await ((IGrainBase)GrainInstance!).OnDeactivateAsync(reason, _deactivationToken);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "OnDeactivateAsync of {Grain} threw; the activation is removed anyway", GrainId);
        }

        var waiting = LeaveDirectory();
        _logger.LogDebug("Deactivated {Grain} ({Reason})", GrainId, reason);

        // Requests that arrived while this activation was going away were never run: they go to the next activation.
        foreach (var item in waiting)
        {
            item.OnActivationEnded(_runtime);
        }

        await DisposeScopeAsync();
        _ended.TrySetResult();
    }

    /// <summary>
    /// Removes this activation from the directory, then marks it invalid, and returns what was still waiting. In that
    /// order, a caller that finds this activation invalid is sure to find a different one (or none) when it looks again.
    /// </summary>
    private List<WorkItem> LeaveDirectory()
    {
        _runtime.Directory.Remove(this);
        lock (_gate)
        {
            _status = ActivationStatus.Invalid;
            var waiting = _waiting.ToList();
            _waiting.Clear();
            return waiting;
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_gate)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private async Task DisposeScopeAsync()
    {
        if (_scope is { } scope)
        {
            try
            {
                await scope.DisposeAsync();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Disposing the services of {Grain} failed", GrainId);
            }
        }
    }

    private sealed record ActivationStart(ActivationData Activation, CallChain? CallerChain)
    {
        public Task Run() => Activation.ActivateAsync(CallerChain);
    }
}
