using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>What the runtime knows about one grain implementation class.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainType = GrainTypeOf(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);

        // Orleans lets a grain take its IGrainContext in the constructor (Grain(IGrainContext) exists for that).
        // ActivatorUtilities only accepts extra arguments that some constructor uses, so pass it only then.
        var takesContext = classType.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IGrainContext)));
        Factory = ActivatorUtilities.CreateFactory(classType, takesContext ? [typeof(IGrainContext)] : []);
        TakesGrainContext = takesContext;
    }

    public Type ClassType { get; }

    /// <summary>The type part of this class's <see cref="GrainId"/>s: "ExerciseGrain" → "exercise".</summary>
    public string GrainType { get; }

    /// <summary>Marked [Reentrant]: requests may interleave at await points.</summary>
    public bool IsReentrant { get; }

    /// <summary>Creates an instance with constructor injection (ActivatorUtilities, compiled once per class).</summary>
    public ObjectFactory Factory { get; }

    public bool TakesGrainContext { get; }

    public static string GrainTypeOf(Type classType)
    {
        const string Suffix = "Grain";
        var name = classType.Name;
        if (name.EndsWith(Suffix, StringComparison.Ordinal) && name.Length > Suffix.Length)
        {
            name = name[..^Suffix.Length];
        }

        return name.ToLowerInvariant();
    }

    public override string ToString() => ClassType.FullName ?? ClassType.Name;
}
