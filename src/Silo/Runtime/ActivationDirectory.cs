using System.Collections.Concurrent;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// The single place that says which activation serves a grain id. At most one activation per id is in the directory
/// at any time, however many threads make a first call at once (ConcurrentDictionary.GetOrAdd stores one value and
/// hands that value to every caller; a losing candidate is never started).
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public ActivationData GetOrCreate(GrainId grainId, GrainClassInfo grainClass, GrainRuntime runtime) =>
        _activations.TryGetValue(grainId, out var existing)
            ? existing
            : _activations.GetOrAdd(grainId, static (id, s) => new ActivationData(id, s.grainClass, s.runtime), (grainClass, runtime));

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    /// <summary>Removes exactly this activation (not a newer one for the same id).</summary>
    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    public IReadOnlyList<ActivationData> Snapshot() => [.. _activations.Values];
}
