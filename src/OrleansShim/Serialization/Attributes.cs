namespace Orleans;

// Orleans' code generator reads these to build serializers for messages. The in-process host passes
// immutable messages by reference and does not need serializers, but messages carry the attributes so that
// moving to Orleans is a hosting change only. Records include their primary-constructor parameters by default.

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Interface)]
public sealed class GenerateSerializerAttribute : Attribute
{
    public bool IncludePrimaryConstructorParameters { get; init; } = true;
}

[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IdAttribute(uint id) : Attribute
{
    public uint Id { get; } = id;
}

[AttributeUsage(AttributeTargets.All, AllowMultiple = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}

/// <summary>The type is deeply immutable: the runtime may pass it by reference.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;
