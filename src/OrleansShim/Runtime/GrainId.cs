namespace Orleans.Runtime;

/// <summary>Identifies one grain: its type (derived from the implementation class) and its string key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
