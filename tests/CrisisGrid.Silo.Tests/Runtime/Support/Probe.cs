using System.Collections.Concurrent;

namespace CrisisGrid.Silo.Tests.Runtime.Support;

/// <summary>
/// What test grains report to their test, and the gates tests use to hold grains at a chosen point. One per test host
/// (a DI singleton), so tests never share state. Waits are bounded so that a broken guarantee fails the test instead of
/// hanging it.
/// </summary>
public sealed class Probe
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentQueue<string> _events = new();

    public int Count(string name) => _counters.GetValueOrDefault(name);

    public int Increment(string name)
    {
        var value = _counters.AddOrUpdate(name, 1, (_, v) => v + 1);
        Signal($"{name}#{value}");
        return value;
    }

    /// <summary>Records the maximum of <paramref name="value"/> seen under <paramref name="name"/>.</summary>
    public void Max(string name, int value) => _counters.AddOrUpdate(name, value, (_, v) => Math.Max(v, value));

    public void Record(string evt) => _events.Enqueue(evt);

    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>Completes the signal (or the gate) with this name.</summary>
    public void Signal(string name) => Source(name).TrySetResult();

    /// <summary>A task that completes when <see cref="Signal"/> is called with this name (before or after).</summary>
    public Task When(string name) => Source(name).Task;

    /// <summary>Waits for the signal, failing the test after <see cref="Patience"/>.</summary>
    public Task WaitFor(string name) => When(name).WaitAsync(Patience);

    /// <summary>Waits until the counter reaches <paramref name="value"/> (it signals "name#value").</summary>
    public Task WaitForCount(string name, int value) => WaitFor($"{name}#{value}");

    public bool IsSignaled(string name) => When(name).IsCompleted;

    private TaskCompletionSource Source(string name) =>
        _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
