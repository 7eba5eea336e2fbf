using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrisisGrid.Gateway.Errors;

/// <summary>
/// Says what System.Text.Json found wrong in words a participant can act on. Its own messages name .NET types
/// ("could not be converted to System.Int64", "missing required properties" of 'CrisisGrid.Grains.Alliances.BreakSilence'),
/// which mean nothing to a facilitator and show internals; this keeps the field and the kind of value expected.
/// </summary>
public static partial class JsonProblemWords
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    /// <summary>A sentence for <paramref name="exception"/>, and the field's path with <paramref name="root"/> in front.</summary>
    public static (string Detail, string? Field, string? Allowed) Describe(Exception exception, string? root = null, string subject = "The input")
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        var field = Field(json?.Path, root);
        var where = field is null ? subject : $"'{field}'";
        var message = (json ?? exception).Message;
        if (CountPattern().Match(message) is { Success: true } count)
        {
            return ($"{count.Groups[2].Value} argument(s) expected, {count.Groups[1].Value} sent.", null, $"{count.Groups[2].Value} argument(s)");
        }

        if (exception is InvalidOperationException || json?.InnerException is InvalidOperationException || message.Contains("UTF-16", StringComparison.Ordinal))
        {
            return ($"{where} holds text that is not valid Unicode (a lone surrogate escape such as \\ud800).", field, "text of whole characters");
        }

        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            return ($"Unknown field '{name}'.", field is null ? name : $"{field}.{name}", null);
        }

        if (MissingPattern().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal);
            return ($"{where} is missing required field(s): {names}.", field, names);
        }

        if (ConvertPattern().Match(message) is { Success: true } convert)
        {
            var (kind, allowed) = Kind(convert.Groups[1].Value);
            return ($"{where} is not {kind}.", field, allowed);
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return ($"{where} may not be null.", field, "a value");
        }

        return ($"{where} is not valid JSON for this request.", field, null);
    }

    /// <summary>The kind of value a .NET type expects, in words, and its allowed values when it is an enum.</summary>
    public static (string Kind, string? Allowed) Kind(string typeName)
    {
        var type = Types.GetOrAdd(typeName, Resolve);
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            null => ("a value of the expected kind", null),
            { IsEnum: true } => ("one of the allowed values", string.Join(", ", Enum.GetNames(underlying).Select(JsonNamingPolicy.CamelCase.ConvertName))),
            _ when underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) => ("a whole number", "a whole number"),
            _ when underlying == typeof(double) || underlying == typeof(decimal) || underlying == typeof(float) => ("a number", "a number"),
            _ when underlying == typeof(bool) => ("true or false", "true, false"),
            _ when underlying == typeof(string) => ("text", "text in quotes"),
            _ when underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) => ("a date and time", "a date and time like 2031-05-01T12:00:00Z"),
            _ when underlying == typeof(TimeSpan) => ("a duration", "a duration like 00:30:00"),
            _ when underlying.IsArray || (underlying.IsGenericType && underlying.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))) => ("a list", "a list [...]"),
            _ => ("an object with the expected fields", "an object {...}"),
        };
    }

    private static Type? Resolve(string name)
    {
        var plain = name.Split('[')[0].TrimEnd('?');
        var nullable = NullablePattern().Match(name);
        if (nullable.Success)
        {
            plain = nullable.Groups[1].Value;
        }

        return Type.GetType(plain) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.FullName?.StartsWith("CrisisGrid", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(plain)).FirstOrDefault(t => t is not null);
    }

    private static string? Field(string? jsonPath, string? root)
    {
        var path = jsonPath is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : null;
        return (root, path) switch
        {
            (null, null or "") => null,
            (null, _) => path,
            (_, null or "") => root,
            _ => path!.StartsWith('[') ? root + path : $"{root}.{path}",
        };
    }

    [GeneratedRegex(@"Invocation provides (\d+) argument\(s\) but target expects (\d+)")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties,? including:? (.*?)\.?(?: Path:|$)")]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"could not be converted to ([A-Za-z0-9_.`\[\], =]+?)\.(?: Path:|$| )")]
    private static partial Regex ConvertPattern();

    [GeneratedRegex(@"System\.Nullable`1\[\[?([A-Za-z0-9_.]+)")]
    private static partial Regex NullablePattern();
}
