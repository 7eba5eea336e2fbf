namespace Orleans.Runtime;

/// <summary>The runtime's view of one activation.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>Services available to the activation (the silo's container).</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Deactivates the activation after the current turn.</summary>
    void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default);
}

/// <summary>Implemented by grain references (proxies) so identity helpers can read their id.</summary>
public interface IGrainReferenceShim : IAddressable
{
    GrainId GrainId { get; }
}
