using System.Collections.Concurrent;
using System.Reflection;

namespace CrisisGrid.Silo.Runtime;

/// <summary>One compiled <see cref="MethodInvoker"/> per interface method, built on first use and shared by all references.</summary>
internal sealed class MethodInvokerCache
{
    private readonly ConcurrentDictionary<MethodInfo, MethodInvoker> _invokers = new();

    public MethodInvoker Get(MethodInfo method) =>
        _invokers.TryGetValue(method, out var invoker) ? invoker : _invokers.GetOrAdd(method, static m => new MethodInvoker(m));
}
