using CrisisGrid.Silo.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// One activation of one grain: its instance, its mailbox and its single-threaded scheduler. Every piece of grain code
/// (constructor, OnActivateAsync, requests, timer callbacks, OnDeactivateAsync, and every continuation after an await
/// in them) runs on <see cref="Scheduler"/>, which never runs two tasks at once, like Orleans' ActivationTaskScheduler.
/// The mailbox decides when a turn may start: one at a time, each to completion, unless the grain is [Reentrant] or
/// the item interleaves.
/// </summary>
/// <remarks>
/// Construction must stay free of side effects: the directory may create one that loses a race and is dropped.
/// Lifecycle (activation and deactivation) is in ActivationData.Lifecycle.cs.
/// </remarks>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly GrainRuntime _runtime;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<WorkItem> _waiting = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly Func<object?, Task> _runTurn;
    private ActivationStatus _status;
    private int _running;
    private DateTimeOffset _lastActivity;

    // Per-activation DI scope, as in Orleans: scoped services live as long as the activation.
    private AsyncServiceScope? _scope;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, GrainRuntime runtime)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _runtime = runtime;
        _logger = runtime.Logger;
        _runTurn = RunTurnAsync;

        // A library scheduler that runs at most one task at a time, on the thread pool. Continuations of grain code
        // are posted to TaskScheduler.Current, which inside a turn is this scheduler, so they stay here too.
        Scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ExclusiveScheduler;
    }

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public object? GrainInstance { get; private set; }

    public IServiceProvider ActivationServices => _scope?.ServiceProvider ?? _runtime.Services;

    public TaskScheduler Scheduler { get; }

    /// <summary>A turn is running or waiting (for tests and diagnostics).</summary>
    internal bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _running > 0 || _waiting.Count > 0;
            }
        }
    }

    /// <summary>
    /// Puts an item in the mailbox and starts it when the mailbox allows. Returns false when this activation is gone;
    /// the caller then looks the grain up again and gets a new activation.
    /// </summary>
    public bool TryEnqueue(WorkItem item)
    {
        var activate = false;
        var start = false;
        lock (_gate)
        {
            switch (_status)
            {
                case ActivationStatus.Invalid:
                    return false;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    _waiting.AddLast(item);
                    activate = true;
                    break;
                case ActivationStatus.Valid when _pendingDeactivation is null && CanStart(item):
                    _running++;
                    start = true;
                    break;
                default:
                    _waiting.AddLast(item);
                    break;
            }
        }

        if (activate)
        {
            StartActivation(item.CallerChain);
        }
        else if (start)
        {
            StartTurn(item);
        }

        return true;
    }

    internal bool AddTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid || _pendingDeactivation is not null)
            {
                return false;
            }

            _timers.Add(timer);
            return true;
        }
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    public override string ToString() => $"[Activation {GrainId}]";

    // Orleans' rule: a turn may start when nothing runs, when the grain is reentrant, or when the item interleaves.
    private bool CanStart(WorkItem item) => _running == 0 || GrainClass.IsReentrant || item.Interleaves;

    /// <summary>Moves every waiting item that may start now out of the mailbox, in arrival order. Call under the lock.</summary>
    private List<WorkItem>? TakeStartableLocked()
    {
        List<WorkItem>? startable = null;
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            if (CanStart(node.Value))
            {
                _waiting.Remove(node);
                _running++;
                (startable ??= []).Add(node.Value);
            }

            node = next;
        }

        return startable;
    }

    private void StartTurn(WorkItem item) => Schedule(_runTurn, item);

    private async Task RunTurnAsync(object? state)
    {
        var item = (WorkItem)state!;
        try
        {
            await item.ExecuteAsync(this);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Unexpected failure in a turn of {Grain}", GrainId);
        }
        finally
        {
            OnTurnCompleted(item);
        }
    }

    private void OnTurnCompleted(WorkItem item)
    {
        List<WorkItem>? startable = null;
        var deactivate = false;
        lock (_gate)
        {
            _running--;
            if (item.KeepsAlive)
            {
                _lastActivity = _runtime.Time.GetUtcNow();
            }

            if (_pendingDeactivation is not null)
            {
                deactivate = BeginDeactivationIfQuietLocked();
            }
            else
            {
                startable = TakeStartableLocked();
            }
        }

        if (deactivate)
        {
            StartDeactivation();
        }

        startable?.ForEach(StartTurn);
    }

    /// <summary>Starts work on this activation's scheduler, in a clean execution context.</summary>
    private void Schedule(Func<object?, Task> work, object? state) =>
        _ = ExecutionFlow.WithoutFlow(
            static s => Task.Factory.StartNew(s.work, s.state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, s.Scheduler).Unwrap(),
            (work, state, Scheduler));
}
