using System.Reflection;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// A reference to a local object created by IGrainFactory.CreateObjectReference. Like Orleans, it holds the object
/// weakly: whoever subscribes the observer must keep the object alive for as long as it should receive calls.
/// </summary>
internal class ObserverReference : DispatchProxy, IGrainReferenceShim
{
    private ObserverRegistry _registry = null!;
    private WeakReference<object> _target = null!;
    private volatile bool _deleted;

    public GrainId GrainId { get; private set; }

    public Type Interface { get; private set; } = null!;

    /// <summary>Calls to one object run one at a time, in order, whichever reference they came through.</summary>
    public SerialWorkQueue Queue { get; private set; } = null!;

    public bool IsDeleted => _deleted;

    public static ObserverReference Create(Type observerInterface, ObserverRegistry registry, object target, SerialWorkQueue queue)
    {
        var reference = (ObserverReference)Create(observerInterface, typeof(ObserverReference));
        reference._registry = registry;
        reference._target = new WeakReference<object>(target);
        reference.Queue = queue;
        reference.Interface = observerInterface;
        reference.GrainId = new GrainId("observer", Guid.NewGuid().ToString("N"));
        return reference;
    }

    public bool TryGetTarget(out object target) => _target.TryGetTarget(out target!);

    public void MarkDeleted() => _deleted = true;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _registry.Call(this, targetMethod!, args ?? []);

    public override string ToString() => $"{Interface.Name}:{GrainId}";
}
