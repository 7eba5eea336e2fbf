using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Every SiloOptions.CollectionQuantum, deactivates the activations that had no request for SiloOptions.CollectionAge
/// (Orleans' activation collector). Runs on the silo's TimeProvider.
/// </summary>
internal sealed class IdleCollector(GrainRuntime runtime) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = runtime.Options.CollectionQuantum;
        _timer = ExecutionFlow.CreateTimer(runtime.Time, static s => ((IdleCollector)s!).Collect(), this, quantum, quantum);
    }

    public void Stop() => _timer?.Dispose();

    public void Dispose() => Stop();

    /// <summary>One sweep; returns how many activations it started deactivating.</summary>
    internal int Collect()
    {
        var idleSince = runtime.Time.GetUtcNow() - runtime.Options.CollectionAge;
        var collected = 0;
        foreach (var activation in runtime.Directory.Snapshot())
        {
            if (activation.TryCollectIfIdle(idleSince))
            {
                collected++;
            }
        }

        if (collected > 0)
        {
            runtime.Logger.LogDebug("Collecting {Count} idle activations", collected);
        }

        return collected;
    }
}
