using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Creates, calls and deletes observer references. The same object (and interface) always gives the same reference,
/// so grains can use references as dictionary keys (ObserverManager does).
/// </summary>
internal sealed class ObserverRegistry(GrainRuntime runtime)
{
    // Keyed by the object without keeping it alive; the entry lives as long as the object does.
    private readonly ConditionalWeakTable<object, Entry> _entries = [];

    public T CreateObjectReference<T>(IGrainObserver obj)
        where T : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!typeof(T).IsInterface)
        {
            throw new ArgumentException($"CreateObjectReference needs an observer interface; {typeof(T).FullName} is not an interface.");
        }

        if (obj is IGrainBase or IGrainReferenceShim)
        {
            throw new ArgumentException($"{obj.GetType().Name} is a grain or a reference; only local objects get object references.", nameof(obj));
        }

        if (obj is not T)
        {
            throw new ArgumentException($"{obj.GetType().FullName} does not implement {typeof(T).FullName}.", nameof(obj));
        }

        var entry = _entries.GetValue(obj, static _ => new Entry());
        lock (entry.Gate)
        {
            if (!entry.References.TryGetValue(typeof(T), out var reference))
            {
                reference = ObserverReference.Create(typeof(T), this, obj, entry.Queue);
                entry.References.Add(typeof(T), reference);
            }

            return (T)(object)reference;
        }
    }

    /// <summary>
    /// Releases the reference. Later calls through it fail with <see cref="ObjectDisposedException"/>, or are dropped
    /// (and logged at debug level) when one-way. A new CreateObjectReference gives a new reference.
    /// </summary>
    public void DeleteObjectReference<T>(IGrainObserver obj)
        where T : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (_entries.TryGetValue(obj, out var entry))
        {
            lock (entry.Gate)
            {
                if (entry.References.Remove(typeof(T), out var reference))
                {
                    reference.MarkDeleted();
                }
            }
        }
    }

    public object? Call(ObserverReference reference, MethodInfo method, object?[] args)
    {
        var invoker = runtime.Invokers.Get(method);
        if (reference.IsDeleted)
        {
            if (invoker.OneWay)
            {
                runtime.Logger.LogDebug("Dropped one-way {Method} on {Observer}: the reference was deleted", invoker.Name, reference.GrainId);
                return invoker.CompletedReturn();
            }

            return invoker.ToDeclaredReturn(Task.FromException<object?>(Deleted(reference)));
        }

        // A caller that waits keeps its chain: an observer that calls back into the waiting grain is a deadlock.
        var chain = invoker.OneWay ? null : CallChain.Current;
        var completion = reference.Queue.Enqueue(() => InvokeAsync(reference, invoker, args, chain));
        if (invoker.OneWay)
        {
            _ = completion.ContinueWith(
                static (t, s) => ((ILogger)s!).LogWarning(t.Exception!.GetBaseException(), "A one-way observer call failed"),
                runtime.Logger,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            return invoker.CompletedReturn();
        }

        return invoker.ToDeclaredReturn(ResponseTimeout.Apply(completion, runtime.Options.ResponseTimeout, invoker, reference.GrainId));
    }

    // Observer code is not grain code: it runs on the thread pool, so ConfigureAwait(false) is right here.
    private static async Task<object?> InvokeAsync(ObserverReference reference, MethodInvoker invoker, object?[] args, CallChain? chain)
    {
        CallChain.Current = chain;
        if (reference.IsDeleted)
        {
            // Deleted after the call was queued.
            return invoker.OneWay ? null : throw Deleted(reference);
        }

        if (!reference.TryGetTarget(out var target))
        {
            throw new ObjectDisposedException(reference.Interface.Name,
                $"The object behind observer reference {reference.GrainId} was garbage-collected. Keep a strong reference " +
                "to an observer for as long as it is subscribed (object references hold their object weakly, as in Orleans).");
        }

        var task = invoker.Invoke(target, args);
        await task.ConfigureAwait(false);
        return invoker.GetResult?.Invoke(task);
    }

    private static ObjectDisposedException Deleted(ObserverReference reference) =>
        new(reference.Interface.Name, $"Observer reference {reference.GrainId} was deleted with DeleteObjectReference.");

    private sealed class Entry
    {
        public Lock Gate { get; } = new();

        public SerialWorkQueue Queue { get; } = new();

        public Dictionary<Type, ObserverReference> References { get; } = [];
    }
}
