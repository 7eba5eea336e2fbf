using System.Reflection;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// The object a caller holds for a grain: a <see cref="DispatchProxy"/> that implements the grain interface and turns
/// every method call into a request to the grain's activation. References are cheap, carry only the grain id, and
/// compare equal when they name the same grain through the same interface.
/// </summary>
/// <remarks>Not sealed and with a public constructor because DispatchProxy derives the proxy class from it.</remarks>
internal class GrainReference : DispatchProxy, IGrainReferenceShim
{
    private GrainRuntime _runtime = null!;
    private GrainClassInfo _grainClass = null!;
    private Type _interface = null!;

    public GrainId GrainId { get; private set; }

    public static object Create(Type grainInterface, GrainRuntime runtime, GrainClassInfo grainClass, string key)
    {
        var reference = (GrainReference)Create(grainInterface, typeof(GrainReference));
        reference._runtime = runtime;
        reference._grainClass = grainClass;
        reference._interface = grainInterface;
        reference.GrainId = new GrainId(grainClass.GrainType, key);
        return reference;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _runtime.Call(GrainId, _grainClass, _runtime.Invokers.Get(targetMethod!), args ?? []);

    public override bool Equals(object? obj) =>
        obj is GrainReference other && other.GrainId == GrainId && other._interface == _interface;

    public override int GetHashCode() => HashCode.Combine(GrainId, _interface);

    public override string ToString() => $"{_interface.Name}:{GrainId}";
}
