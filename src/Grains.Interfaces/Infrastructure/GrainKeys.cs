namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// Grain keys and log stream names. An exercise grain is keyed by the exercise id; grains inside an exercise
/// (nations, alliances) by "{exerciseId}/{code}". Streams are named per grain inside the exercise's log.
/// </summary>
public static class GrainKeys
{
    public const char Separator = '/';

    public static string Scoped(string exerciseId, string code) => $"{exerciseId}{Separator}{code}";

    /// <summary>Splits "{exerciseId}/{code}" into its parts.</summary>
    public static (string ExerciseId, string Code) Split(string scopedKey)
    {
        var at = scopedKey.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || at == scopedKey.Length - 1)
        {
            throw new ArgumentException($"'{scopedKey}' is not a scoped grain key of the form '{{exerciseId}}/{{code}}'.", nameof(scopedKey));
        }

        return (scopedKey[..at], scopedKey[(at + 1)..]);
    }
}

public static class StreamNames
{
    public const string Exercise = "exercise";

    public static string Nation(string code) => $"nation/{code}";

    public static string Alliance(string code) => $"alliance/{code}";

    public static bool IsNation(string stream, out string code) => TryStrip(stream, "nation/", out code);

    public static bool IsAlliance(string stream, out string code) => TryStrip(stream, "alliance/", out code);

    private static bool TryStrip(string stream, string prefix, out string code)
    {
        if (stream.StartsWith(prefix, StringComparison.Ordinal))
        {
            code = stream[prefix.Length..];
            return true;
        }

        code = "";
        return false;
    }
}
