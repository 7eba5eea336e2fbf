using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface INotifyObserver : IGrainObserver
{
    [OneWay]
    void OnMessage(string message);

    Task OnMessageAsync(string message);
}

public interface INotifierGrain : IGrainWithStringKey
{
    Task Subscribe(INotifyObserver observer);

    Task<int> Subscribers();

    /// <summary>One-way notification of every subscriber.</summary>
    Task NotifyOneWay(string message);

    /// <summary>Awaited notification of every subscriber; failing subscribers are dropped.</summary>
    Task NotifyAndWait(string message);

    /// <summary>The id of the TaskScheduler this grain's turns run on.</summary>
    Task<int> SchedulerId();

    /// <summary>Calls the observer's awaited method directly, so its exception reaches this grain (and is rethrown).</summary>
    Task CallObserverDirectly(INotifyObserver observer, string message);
}

public sealed class NotifierGrain(TimeProvider time) : Grain, INotifierGrain
{
    private readonly ObserverManager<INotifyObserver> _observers = new(TimeSpan.FromMinutes(5), time);

    public Task Subscribe(INotifyObserver observer)
    {
        _observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task<int> Subscribers() => Task.FromResult(_observers.Count);

    public Task NotifyOneWay(string message)
    {
        _observers.Notify(o => o.OnMessage(message));
        return Task.CompletedTask;
    }

    public Task NotifyAndWait(string message) => _observers.Notify(o => o.OnMessageAsync(message));

    public Task<int> SchedulerId() => Task.FromResult(TaskScheduler.Current.Id);

    public Task CallObserverDirectly(INotifyObserver observer, string message) => observer.OnMessageAsync(message);
}

/// <summary>
/// A local observer (as the gateway would have). Records what it receives and the scheduler it ran on. When
/// <see cref="Gate"/> is set, one-way calls wait for it; when <see cref="FailWith"/> is set, awaited calls throw it.
/// </summary>
public sealed class RecordingObserver(Probe probe, string name) : INotifyObserver
{
    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];
    private int _concurrent;

    public Task? Gate { get; set; }

    public Exception? FailWith { get; set; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public List<int> SchedulerIds { get; } = [];

    public int MaxConcurrent { get; private set; }

    public void OnMessage(string message)
    {
        Enter(message);
        Gate?.Wait(Probe.Patience);
        Exit();
        if (FailWith is { } failure)
        {
            throw failure;
        }

        probe.Increment($"observed:{name}");
    }

    public async Task OnMessageAsync(string message)
    {
        Enter(message);
        await Task.Yield();
        Exit();
        if (FailWith is { } failure)
        {
            throw failure;
        }

        probe.Increment($"observed:{name}");
    }

    private void Enter(string message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            SchedulerIds.Add(TaskScheduler.Current.Id);
            MaxConcurrent = Math.Max(MaxConcurrent, ++_concurrent);
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _concurrent--;
        }
    }
}
