using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Returns which activation of this key answered (1 for the first, 2 after a re-activation, ...).</summary>
    Task<int> Ping();

    Task DeactivateSelf();

    /// <summary>Holds the turn until the probe gate opens.</summary>
    Task Hold(string gate);
}

/// <summary>
/// Reports its lifecycle to the probe: "ctor:key", "activate:key", "deactivate:key", "live" (activations alive at
/// once, max in "live-max"). Gates: "activate-gate:key" / "deactivate-gate:key" hold OnActivateAsync /
/// OnDeactivateAsync when the test sets "hold-activate:key" / "hold-deactivate:key"; "fail-activate:key" makes the
/// next OnActivateAsync throw.
/// </summary>
public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    private readonly Probe _probe;
    private readonly int _number;

    public LifecycleGrain(Probe probe, ScopedResource scoped)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        _probe = probe;
        _number = probe.Increment($"ctor:{Key}");
    }

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_probe.Count($"hold-activate:{Key}") > 0)
        {
            _probe.Signal($"activating:{Key}");
            await _probe.When($"activate-gate:{Key}");
        }

        if (_probe.Count($"fail-activate:{Key}") >= _number)
        {
            throw new InvalidOperationException($"activation {_number} of {Key} refuses to start");
        }

        var live = _probe.Increment("live-now");
        _probe.Max("live-max", live - _probe.Count("live-gone"));
        _probe.Increment($"activate:{Key}");
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Record($"deactivate:{Key}:{reason.ReasonCode}");
        if (_probe.Count($"hold-deactivate:{Key}") > 0)
        {
            _probe.Signal($"deactivating:{Key}");
            await _probe.When($"deactivate-gate:{Key}");
        }

        _probe.Increment("live-gone");
        _probe.Increment($"deactivate:{Key}");
    }

    public Task<int> Ping() => Task.FromResult(_number);

    public Task DeactivateSelf()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task Hold(string gate)
    {
        _probe.Signal($"holding:{gate}");
        await _probe.When(gate);
    }
}
