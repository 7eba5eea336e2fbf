using System.Reflection;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Maps grain interfaces to the classes that implement them, and grain types (the type part of a
/// <see cref="GrainId"/>) back to their class. Filled by <c>ISiloBuilder.AddGrains</c> while the host is configured;
/// read-only afterwards.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private static readonly Assembly ShimAssembly = typeof(IGrain).Assembly;

    private readonly Lock _gate = new();
    private readonly HashSet<Assembly> _assemblies = [];
    private readonly Dictionary<Type, List<GrainClassInfo>> _byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> _byGrainType = new(StringComparer.Ordinal);

    /// <summary>Registers every grain class of the assembly. Adding the same assembly twice is harmless.</summary>
    public void AddAssembly(Assembly assembly)
    {
        lock (_gate)
        {
            if (!_assemblies.Add(assembly))
            {
                return;
            }

            foreach (var type in LoadableTypes(assembly).Where(IsGrainClass).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                AddClass(type);
            }
        }
    }

    /// <summary>The class to activate for a grain interface; <paramref name="classNamePrefix"/> picks among several.</summary>
    public GrainClassInfo Resolve(Type grainInterface, string? classNamePrefix)
    {
        List<GrainClassInfo>? candidates;
        lock (_gate)
        {
            _byInterface.TryGetValue(grainInterface, out candidates);
        }

        if (candidates is null)
        {
            throw new InvalidOperationException(
                $"No grain class implements {grainInterface.FullName}. Registered grain interfaces: {DescribeRegistered()}. " +
                "Register the assembly that contains the grain class with ISiloBuilder.AddGrains(assembly).");
        }

        var matches = classNamePrefix is null
            ? candidates
            : candidates.Where(c => MatchesPrefix(c.ClassType, classNamePrefix)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException(
                $"No grain class implementing {grainInterface.FullName} matches the class name prefix '{classNamePrefix}'. " +
                $"Implementations: {string.Join(", ", candidates)}."),
            _ => throw new InvalidOperationException(
                $"{grainInterface.FullName} is implemented by several grain classes ({string.Join(", ", matches)}); " +
                "pass grainClassNamePrefix to GetGrain to choose one."),
        };
    }

    public bool TryGetByGrainType(string grainType, out GrainClassInfo classInfo)
    {
        lock (_gate)
        {
            return _byGrainType.TryGetValue(grainType, out classInfo!);
        }
    }

    private void AddClass(Type classType)
    {
        var info = new GrainClassInfo(classType);
        if (_byGrainType.TryGetValue(info.GrainType, out var existing))
        {
            throw new InvalidOperationException(
                $"Grain classes {existing} and {info} both have the grain type '{info.GrainType}' (the class name without " +
                "'Grain', lower-cased), so their grain ids would collide. Rename one of them.");
        }

        _byGrainType.Add(info.GrainType, info);
        foreach (var grainInterface in classType.GetInterfaces().Where(IsApplicationGrainInterface))
        {
            if (!_byInterface.TryGetValue(grainInterface, out var list))
            {
                _byInterface[grainInterface] = list = [];
            }

            list.Add(info);
        }
    }

    private string DescribeRegistered()
    {
        lock (_gate)
        {
            return _byInterface.Count == 0
                ? "none"
                : string.Join(", ", _byInterface.Keys.Select(i => i.FullName).Order(StringComparer.Ordinal));
        }
    }

    private static bool MatchesPrefix(Type classType, string prefix) =>
        (classType.FullName ?? classType.Name).StartsWith(prefix, StringComparison.Ordinal)
        || classType.Name.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>A non-abstract, non-generic class deriving from <see cref="Grain"/> or implementing <see cref="IGrainBase"/>.</summary>
    private static bool IsGrainClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && typeof(IGrainBase).IsAssignableFrom(type);

    /// <summary>Interfaces deriving from IGrain that the application declared (not the shim's own, such as IRemindable).</summary>
    private static bool IsApplicationGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type.Assembly != ShimAssembly;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
