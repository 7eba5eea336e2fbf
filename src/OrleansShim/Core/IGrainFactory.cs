namespace Orleans;

/// <summary>How grains and clients reach grains: by interface and key, never by object reference.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain with the given key. The grain is activated on first call.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Wraps a local observer so that grains can call it through a reference.</summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Releases a reference created by <see cref="CreateObjectReference{T}"/>.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;
}

/// <summary>The client view of the cluster. Co-hosted clients (the gateway) use this interface.</summary>
public interface IClusterClient : IGrainFactory;
