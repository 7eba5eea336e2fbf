using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>The silo's <see cref="IGrainFactory"/> and <see cref="IClusterClient"/> (one instance serves both).</summary>
internal sealed class GrainFactory(GrainRuntime runtime, ObserverRegistry observers) : IClusterClient
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainClass = runtime.Types.Resolve(typeof(TGrainInterface), grainClassNamePrefix);
        return (TGrainInterface)GrainReference.Create(typeof(TGrainInterface), runtime, grainClass, primaryKey);
    }

    /// <summary>A reference by grain id, for reminder delivery: the id's type names the class.</summary>
    public IRemindable GetRemindable(GrainId grainId)
    {
        if (!runtime.Types.TryGetByGrainType(grainId.Type, out var grainClass))
        {
            throw new InvalidOperationException($"No registered grain class has the grain type '{grainId.Type}' (grain {grainId}).");
        }

        if (!typeof(IRemindable).IsAssignableFrom(grainClass.ClassType))
        {
            throw new InvalidOperationException($"{grainClass} does not implement IRemindable, so it cannot receive reminders.");
        }

        return (IRemindable)GrainReference.Create(typeof(IRemindable), runtime, grainClass, grainId.Key);
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver =>
        observers.CreateObjectReference<TGrainObserverInterface>(obj);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver =>
        observers.DeleteObjectReference<TGrainObserverInterface>(obj);
}
