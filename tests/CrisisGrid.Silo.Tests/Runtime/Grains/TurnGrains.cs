using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Concurrency;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

/// <summary>Operations shared by a non-reentrant and a [Reentrant] grain (so it has two implementations).</summary>
public interface ITurnOperations : IGrainWithStringKey
{
    /// <summary>Read, await, write: loses updates if two turns ever interleave.</summary>
    Task<int> Increment();

    /// <summary>Async work with awaits and Task.WhenAll of local work; records concurrency and the scheduler it ran on.</summary>
    Task Work(int parallelBranches);

    Task<TurnReport> Report();

    /// <summary>Records "start:name", waits for the probe gate "name", records "end:name".</summary>
    Task Hold(string name);

    /// <summary>Records "start:name" and "end:name" without waiting.</summary>
    Task Mark(string name);

    /// <summary>May run while other requests wait at an await.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Peek();
}

public interface ITurnGrain : ITurnOperations;

public interface IReentrantTurnGrain : ITurnOperations;

public sealed record TurnReport(int Count, int MaxRequestsInFlight, int MaxExecuting, int OffSchedulerObservations, int Segments);

public abstract class TurnGrainBase(Probe probe) : Grain, ITurnOperations
{
    private readonly List<string> _log = [];
    private TaskScheduler? _scheduler;
    private int _count;
    private int _inFlight;
    private int _maxInFlight;
    private int _executing;
    private int _maxExecuting;
    private int _offScheduler;
    private int _segments;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _scheduler = TaskScheduler.Current;
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        using var _ = EnterRequest();
        var value = _count;
        await Task.Yield();
        await Task.Delay(1);
        _count = value + 1;
        CheckScheduler();
        return _count;
    }

    public async Task Work(int parallelBranches)
    {
        using var _ = EnterRequest();
        await Segment();
        await Task.WhenAll(Enumerable.Range(0, parallelBranches).Select(_ => Branch()));
        CheckScheduler();

        // A continuation after a task completed on another thread must come back here as well.
        await Task.Run(() => Thread.SpinWait(100));
        CheckScheduler();
    }

    public Task<TurnReport> Report() => Task.FromResult(new TurnReport(_count, _maxInFlight, _maxExecuting, _offScheduler, _segments));

    public async Task Hold(string name)
    {
        _log.Add($"start:{name}");
        probe.Signal($"started:{name}");
        await probe.When(name);
        CheckScheduler();
        _log.Add($"end:{name}");
    }

    public Task Mark(string name)
    {
        _log.Add($"start:{name}");
        _log.Add($"end:{name}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> Peek() => Task.FromResult<IReadOnlyList<string>>([.. _log]);

    private async Task Branch()
    {
        for (var i = 0; i < 3; i++)
        {
            await Segment();
            await Task.Yield();
            await Task.Delay(1);
        }
    }

    // A stretch of synchronous code: if two ever overlap, _maxExecuting goes above 1.
    private Task Segment()
    {
        var executing = Interlocked.Increment(ref _executing);
        _maxExecuting = Math.Max(_maxExecuting, executing);
        Thread.SpinWait(2000);
        CheckScheduler();
        Interlocked.Increment(ref _segments);
        Interlocked.Decrement(ref _executing);
        return Task.CompletedTask;
    }

    private void CheckScheduler()
    {
        if (TaskScheduler.Current != _scheduler || _scheduler == TaskScheduler.Default)
        {
            Interlocked.Increment(ref _offScheduler);
        }
    }

    private RequestScope EnterRequest()
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        _maxInFlight = Math.Max(_maxInFlight, inFlight);
        return new RequestScope(this);
    }

    private readonly struct RequestScope(TurnGrainBase grain) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref grain._inFlight);
    }
}

public sealed class TurnGrain(Probe probe) : TurnGrainBase(probe), ITurnGrain;

[Reentrant]
public sealed class ReentrantTurnGrain(Probe probe) : TurnGrainBase(probe), IReentrantTurnGrain;
