using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Concurrency;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

/// <summary>An application exception with its own type, to check that callers get exactly what the grain threw.</summary>
public sealed class ClauseRejectedException : Exception
{
    public ClauseRejectedException()
    {
    }

    public ClauseRejectedException(string message) : base(message)
    {
    }

    public ClauseRejectedException(string message, Exception inner) : base(message, inner)
    {
    }
}

public interface IThrowingGrain : IGrainWithStringKey
{
    Task ThrowAfterAwait(string message);

    Task ThrowSynchronously(string message);

    Task<int> ThrowWithResultType(string message);

    ValueTask<int> Add(int a, int b);

    ValueTask ThrowFromValueTask(string message);

    Task<string?> Echo(string? value);

    /// <summary>Waits for the probe gate, then throws: the caller never waits for it nor sees the exception.</summary>
    [OneWay]
    Task FireAndForget(string gate);
}

public sealed class ThrowingGrain(Probe probe) : Grain, IThrowingGrain
{
    public async Task FireAndForget(string gate)
    {
        await probe.When(gate);
        throw new ClauseRejectedException($"one-way failure after {gate}");
    }

    public async Task ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new ClauseRejectedException(message);
    }

    // Not async: the exception escapes the call itself, before any Task exists.
    public Task ThrowSynchronously(string message) => throw new ArgumentException(message, nameof(message));

    public async Task<int> ThrowWithResultType(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public async ValueTask<int> Add(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }

    public async ValueTask ThrowFromValueTask(string message)
    {
        await Task.Yield();
        throw new ClauseRejectedException(message);
    }

    public Task<string?> Echo(string? value) => Task.FromResult(value);
}
