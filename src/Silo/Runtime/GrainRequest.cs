using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>A call to a grain method, from the moment a reference was called until the grain answered.</summary>
internal sealed class GrainRequest : WorkItem
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object?[] _args;
    private readonly CallChain? _callerChain;
    private readonly ILogger _logger;

    // The caller's span, as Orleans' AddActivityPropagation carries it, so the grain's spans join the caller's trace.
    private readonly System.Diagnostics.Activity? _callerSpan = System.Diagnostics.Activity.Current;

    public GrainRequest(GrainId target, GrainClassInfo grainClass, MethodInvoker method, object?[] args, CallChain? callerChain, ILogger logger)
    {
        Target = target;
        GrainClass = grainClass;
        Method = method;
        _args = args;
        _callerChain = callerChain;
        _logger = logger;
    }

    public GrainId Target { get; }

    public GrainClassInfo GrainClass { get; }

    public MethodInvoker Method { get; }

    /// <summary>
    /// The boxed result. Completed with continuations run asynchronously, so that a caller outside the silo never
    /// runs its own code on the activation's thread.
    /// </summary>
    public Task<object?> Completion => _completion.Task;

    public override bool Interleaves => Method.AlwaysInterleave;

    public override bool KeepsAlive => true;

    public override CallChain? CallerChain => _callerChain;

    public override async Task ExecuteAsync(ActivationData activation)
    {
        // The turn runs in a clean execution context (see ExecutionFlow): the request's chain is set here.
        CallChain.Current = CallChain.Enter(_callerChain, activation.GrainId);
        System.Diagnostics.Activity.Current = _callerSpan;
        try
        {
            var task = Method.Invoke(activation.GrainInstance!, _args);
            await task;
            _completion.TrySetResult(Method.GetResult?.Invoke(task));
        }
        catch (Exception ex)
        {
            Reject(ex);
        }
    }

    public override void OnActivationEnded(GrainRuntime runtime) => runtime.Dispatch(this);

    public override void Reject(Exception reason)
    {
        if (Method.OneWay)
        {
            // Nobody waits for a one-way call: the log is the only place its failure can go.
            _logger.LogWarning(reason, "One-way call {Method} on {Grain} failed", Method.Name, Target);
            _completion.TrySetResult(null);
            return;
        }

        // The exception instance the grain threw, unchanged: the caller's await rethrows the same type and message.
        _completion.TrySetException(reason);
    }
}
