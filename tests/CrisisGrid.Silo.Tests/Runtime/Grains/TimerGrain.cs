using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave = false, bool keepAlive = false);

    Task ChangeTimer(TimeSpan dueTime, TimeSpan period);

    Task StopTimer();

    Task<int> Ticks();

    /// <summary>Holds the turn until the probe gate opens.</summary>
    Task Hold(string gate);

    Task DeactivateSelf();

    [AlwaysInterleave]
    Task<TimerReport> Peek();
}

public sealed record TimerReport(int Ticks, int TicksDuringRequest, int TicksOffScheduler, bool TickRunning);

/// <summary>
/// Counts ticks (also in the probe as "tick:key"). A tick waits for the probe gate "tick-gate:key#n" when the test
/// set "hold-tick:key".
/// </summary>
public sealed class TimerGrain : Grain, ITimerGrain
{
    private readonly Probe _probe;
    private TaskScheduler? _scheduler;
    private IGrainTimer? _timer;
    private int _ticks;
    private int _requestsInFlight;
    private int _ticksDuringRequest;
    private int _ticksOffScheduler;
    private bool _tickRunning;

    public TimerGrain(Probe probe)
    {
        _probe = probe;
        probe.Increment($"timer-ctor:{Key}");
    }

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _scheduler = TaskScheduler.Current;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Increment($"timer-deactivated:{Key}");
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive)
    {
        _timer = this.RegisterGrainTimer(OnTick, new GrainTimerCreationOptions
        {
            DueTime = dueTime,
            Period = period,
            Interleave = interleave,
            KeepAlive = keepAlive,
        });
        return Task.CompletedTask;
    }

    public Task ChangeTimer(TimeSpan dueTime, TimeSpan period)
    {
        _timer!.Change(dueTime, period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public async Task Hold(string gate)
    {
        _requestsInFlight++;
        try
        {
            _probe.Signal($"holding:{gate}");
            await _probe.When(gate);
        }
        finally
        {
            _requestsInFlight--;
        }
    }

    public Task DeactivateSelf()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<TimerReport> Peek() => Task.FromResult(new TimerReport(_ticks, _ticksDuringRequest, _ticksOffScheduler, _tickRunning));

    private async Task OnTick(CancellationToken cancellationToken)
    {
        _tickRunning = true;
        if (_requestsInFlight > 0)
        {
            _ticksDuringRequest++;
        }

        if (TaskScheduler.Current != _scheduler)
        {
            _ticksOffScheduler++;
        }

        var tick = ++_ticks;
        if (_probe.Count($"hold-tick:{Key}") > 0)
        {
            _probe.Signal($"tick-running:{Key}#{tick}");
            await _probe.When($"tick-gate:{Key}#{tick}");
        }

        await Task.Yield();
        if (TaskScheduler.Current != _scheduler)
        {
            _ticksOffScheduler++;
        }

        _tickRunning = false;
        _probe.Increment($"tick:{Key}");
    }
}
