namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>Enum values as scenario files spell them: camelCase (<c>QualifiedMajority</c> ↔ <c>qualifiedMajority</c>).</summary>
internal static class EnumText
{
    public static string Name<T>(T value)
        where T : struct, Enum => Camel(value.ToString());

    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Camel(v.ToString()))];

    public static string Allowed<T>()
        where T : struct, Enum => $"one of {string.Join(", ", Names<T>())}";

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Camel(candidate.ToString()) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
