namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Bounds on the shape of every JSON input, over HTTP and the hub; each refusal names the bound. They sit well above
/// anything a console sends (the longest text a person types is a news body or a clause) and well below what would
/// cost the server real work. Body sizes are per endpoint (see <see cref="JsonBodyGuard"/>).
/// </summary>
public static class InputLimits
{
    /// <summary>Longest text value or field name, in characters (an uploaded scenario's YAML excepted).</summary>
    public const int MaxStringLength = 8_000;

    /// <summary>Most items in one list.</summary>
    public const int MaxArrayItems = 1_000;

    /// <summary>Most fields in one object.</summary>
    public const int MaxObjectFields = 100;

    /// <summary>Deepest nesting of objects and lists.</summary>
    public const int MaxDepth = 16;

    /// <summary>Largest body for joining and refreshing a token.</summary>
    public const int MaxJoinBodyBytes = 4 * 1024;

    /// <summary>Fields whose text may be longer than <see cref="MaxStringLength"/> (bounded by the body size instead).</summary>
    public static readonly IReadOnlySet<string> LongTextFields = new HashSet<string>(StringComparer.Ordinal) { "scenarioYaml" };
}
