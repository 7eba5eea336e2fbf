using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// Base class for grain implementations. As in Orleans, the runtime creates instances (constructor injection works)
/// and the parameterless constructor picks up the activation from <see cref="RuntimeContext.Current"/>.
/// </summary>
public abstract class Grain : IGrainBase, IAddressable
{
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "A grain can only be created by the runtime (IGrainFactory.GetGrain), not with 'new'."))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    /// <summary>The factory this grain uses to reach other grains.</summary>
    protected IGrainFactory GrainFactory => ServiceProvider.GetRequiredService<IGrainFactory>();

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <summary>A printable identity, for logs.</summary>
    public string IdentityString => GrainContext.GrainId.ToString();

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
