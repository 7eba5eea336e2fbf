using Orleans.Runtime;

namespace Orleans;

/// <summary>What every grain implementation exposes to the runtime.</summary>
public interface IGrainBase
{
    /// <summary>The activation this grain instance belongs to.</summary>
    IGrainContext GrainContext { get; }

    /// <summary>Called once, before the first message, when the activation is created.</summary>
    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation is collected or the silo shuts down.</summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
