using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// The heart of the in-process silo: routes calls from references to activations (creating them on first call),
/// detects call-chain deadlocks, applies the response timeout, and deactivates everything at shutdown.
/// </summary>
internal sealed class GrainRuntime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _shuttingDown;

    public GrainRuntime(IServiceProvider services, GrainTypeRegistry types, IOptions<SiloOptions> options, TimeProvider time)
    {
        Services = services;
        Types = types;
        Options = options.Value;
        Time = time;
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("CrisisGrid.Silo.Runtime");
    }

    /// <summary>The silo's root container; each activation gets its own scope of it.</summary>
    public IServiceProvider Services { get; }

    public GrainTypeRegistry Types { get; }

    public SiloOptions Options { get; }

    /// <summary>The clock for timers, reminders and idle collection (a manual one in tests).</summary>
    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public ActivationDirectory Directory { get; } = new();

    public MethodInvokerCache Invokers { get; } = new();

    /// <summary>Cancelled when the silo starts shutting down (passed to OnActivateAsync).</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    /// <summary>A call through a grain reference. Returns what the interface method returns.</summary>
    public object? Call(GrainId target, GrainClassInfo grainClass, MethodInvoker method, object?[] args)
    {
        // A one-way caller does not wait, so it can neither deadlock nor take part in the callee's chain.
        var chain = method.OneWay ? null : CallChain.Current;
        if (chain is not null && !grainClass.IsReentrant && !method.AlwaysInterleave && chain.Contains(target))
        {
            var deadlock = new DeadlockException(
                $"Deadlock: {method.Name} on {target} was called from a chain in which {target} is already waiting for an answer " +
                $"({chain} -> {target}). {grainClass.ClassType.Name} is not [Reentrant] and {method.Method.Name} is not " +
                "[AlwaysInterleave], so the call could never run.");
            return method.ToDeclaredReturn(Task.FromException<object?>(deadlock));
        }

        var request = new GrainRequest(target, grainClass, method, args, chain, Logger);
        Dispatch(request);
        if (method.OneWay)
        {
            return method.CompletedReturn();
        }

        return method.ToDeclaredReturn(ResponseTimeout.Apply(request.Completion, Options.ResponseTimeout, method, target));
    }

    /// <summary>Delivers a request to the grain's current activation, creating one if there is none.</summary>
    public void Dispatch(GrainRequest request)
    {
        while (true)
        {
            ActivationData activation;
            if (_shuttingDown)
            {
                // No new activations while stopping: they would outlive the shutdown sweep.
                if (!Directory.TryGet(request.Target, out activation))
                {
                    request.Reject(new InvalidOperationException(
                        $"The silo is shutting down: {request.Method.Name} on {request.Target} was not delivered."));
                    return;
                }
            }
            else
            {
                activation = Directory.GetOrCreate(request.Target, request.GrainClass, this);
            }

            // False means the activation left the directory between the lookup and the enqueue: look again.
            if (activation.TryEnqueue(request))
            {
                return;
            }
        }
    }

    /// <summary>Deactivates every activation (OnDeactivateAsync with ShuttingDown) and refuses new ones.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _shuttingDown = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");

        // Activations created just before the flag was set show up in a later sweep.
        for (var activations = Directory.Snapshot(); activations.Count > 0; activations = Directory.Snapshot())
        {
            Logger.LogInformation("Deactivating {Count} activations for shutdown", activations.Count);
            foreach (var activation in activations)
            {
                activation.Deactivate(reason, cancellationToken);
            }

            await Task.WhenAll(activations.Select(a => a.Ended)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();
}
