using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace CrisisGrid.Testing;

/// <summary>
/// Where a test wants new activations: while <see cref="Silo"/> is set and alive, every new activation goes there, so
/// a test can kill the silo that holds an exercise without moving grains first (Orleans moves an activation only when
/// it is idle, which a grain under load may never be). Otherwise a random silo.
/// </summary>
public sealed class PlacementPin
{
    private volatile SiloAddress? _silo;

    public SiloAddress? Silo
    {
        get => _silo;
        set => _silo = value;
    }
}

/// <summary>Replaces the default placement's director in test silos; reads the cluster's <see cref="PlacementPin"/>.</summary>
internal sealed class PinnedPlacementDirector(PlacementPin pin) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (pin.Silo is { } pinned && silos.Contains(pinned))
        {
            return Task.FromResult(pinned);
        }

        return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
    }
}
