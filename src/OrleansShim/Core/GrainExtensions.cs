using Orleans.Runtime;

namespace Orleans;

/// <summary>Identity helpers that work on grain instances and on grain references alike.</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        IGrainBase grainBase => grainBase.GrainContext.GrainId,
        IGrainReferenceShim reference => reference.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;
}
