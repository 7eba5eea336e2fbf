using System.Text;
using System.Text.Json;

namespace CrisisGrid.Gateway.Errors;

/// <summary>What is wrong with a JSON input, where (a field path like <c>args.alliance</c>) and what is allowed.</summary>
public sealed record InputProblem(string Detail, string? Field, string? Allowed);

/// <summary>
/// Checks JSON before anything binds it: well-formed, text that is valid Unicode (a lone surrogate escape such as
/// <c>"\ud800"</c> is valid JSON but not text, and System.Text.Json throws on it when asked for the string), and within
/// <see cref="InputLimits"/>. Hand-written over Utf8JsonReader because the serializer reports none of these with the
/// field's path, and some (lone surrogates) not as a JSON error at all.
/// </summary>
public static class JsonShapeCheck
{
    public static InputProblem? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = InputLimits.MaxDepth + 1 });
        var path = new List<object>(); // string: a field; int: the index in a list
        var counts = new List<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (Enter(path, counts, property, reader.TokenType == JsonTokenType.StartArray) is { } deep)
                        {
                            return deep;
                        }

                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        counts.RemoveAt(counts.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (Text(ref reader, path, null, out var name) is { } badName)
                        {
                            return badName;
                        }

                        if (++counts[^1] > InputLimits.MaxObjectFields)
                        {
                            return new InputProblem($"{Where(path)} has more than {InputLimits.MaxObjectFields} fields.", Field(path), $"at most {InputLimits.MaxObjectFields} fields");
                        }

                        property = name;
                        break;
                    default:
                        if (Value(ref reader, path, counts, property) is { } bad)
                        {
                            return bad;
                        }

                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return new InputProblem(
                $"The body is not valid JSON (line {LineOf(json, reader.BytesConsumed) + 1}, near byte {reader.BytesConsumed + 1}).",
                path.Count > 0 ? Field(path) : null,
                "a JSON object, e.g. {\"code\": \"ABCD-EFGH-JKMN\"}");
        }

        return null;
    }

    /// <summary>The same checks on an already parsed value (hub arguments arrive parsed by SignalR).</summary>
    public static InputProblem? Check(JsonElement element, string root)
    {
        try
        {
            return Walk(element, root, 1);
        }
        catch (InvalidOperationException)
        {
            return new InputProblem($"'{root}' holds text that is not valid Unicode (a lone surrogate escape such as \\ud800).", root, "text of whole characters");
        }
    }

    private static InputProblem? Walk(JsonElement element, string path, int depth)
    {
        if (depth > InputLimits.MaxDepth)
        {
            return new InputProblem($"'{path}' is nested more than {InputLimits.MaxDepth} levels deep.", path, $"at most {InputLimits.MaxDepth} levels of nesting");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = 0;
                foreach (var property in element.EnumerateObject())
                {
                    var name = Readable(() => property.Name, path);
                    if (name.Problem is { } badName)
                    {
                        return badName;
                    }

                    if (++fields > InputLimits.MaxObjectFields)
                    {
                        return new InputProblem($"'{path}' has more than {InputLimits.MaxObjectFields} fields.", path, $"at most {InputLimits.MaxObjectFields} fields");
                    }

                    if (Walk(property.Value, $"{path}.{name.Text}", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > InputLimits.MaxArrayItems)
                {
                    return new InputProblem($"'{path}' has more than {InputLimits.MaxArrayItems} items.", path, $"at most {InputLimits.MaxArrayItems} items");
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                var text = Readable(() => element.GetString()!, path);
                return text.Problem ?? TooLong(text.Text, path, path);
            default:
                return null;
        }
    }

    private static (string Text, InputProblem? Problem) Readable(Func<string> read, string path)
    {
        try
        {
            return (read(), null);
        }
        catch (InvalidOperationException)
        {
            return ("", new InputProblem($"'{path}' holds text that is not valid Unicode (a lone surrogate escape such as \\ud800).", path, "text of whole characters"));
        }
    }

    private static InputProblem? Enter(List<object> path, List<int> counts, string? property, bool array)
    {
        if (path.Count > 0)
        {
            path[^1] = NextStep(path, counts, property);
            if (path[^1] is int && counts[^1] > InputLimits.MaxArrayItems)
            {
                return new InputProblem($"{Where(Parent(path))} has more than {InputLimits.MaxArrayItems} items.", Field(Parent(path)), $"at most {InputLimits.MaxArrayItems} items");
            }
        }

        path.Add(array ? -1 : "");
        counts.Add(0);
        return path.Count > InputLimits.MaxDepth
            ? new InputProblem($"{Where(Parent(path))} is nested more than {InputLimits.MaxDepth} levels deep.", Field(Parent(path)), $"at most {InputLimits.MaxDepth} levels of nesting")
            : null;
    }

    // The slot for the value about to be read: the field just named, or the next index of a list.
    private static object NextStep(List<object> path, List<int> counts, string? property)
    {
        object step = property ?? "";
        if (path[^1] is int)
        {
            counts[^1]++;
            step = counts[^1] - 1;
        }

        return step;
    }

    private static InputProblem? Value(ref Utf8JsonReader reader, List<object> path, List<int> counts, string? property)
    {
        if (path.Count > 0)
        {
            path[^1] = NextStep(path, counts, property);
            if (path[^1] is int && counts[^1] > InputLimits.MaxArrayItems)
            {
                return new InputProblem($"{Where(Parent(path))} has more than {InputLimits.MaxArrayItems} items.", Field(Parent(path)), $"at most {InputLimits.MaxArrayItems} items");
            }
        }

        return reader.TokenType == JsonTokenType.String ? Text(ref reader, path, property, out _) : null;
    }

    private static InputProblem? Text(ref Utf8JsonReader reader, List<object> path, string? property, out string text)
    {
        var where = path;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return new InputProblem(
                $"{Where(where)} holds text that is not valid Unicode (a lone surrogate escape such as \\ud800, or bytes that are not UTF-8).",
                Field(where),
                "text of whole characters in UTF-8");
        }

        var exempt = path.Count == 1 && property is not null && InputLimits.LongTextFields.Contains(property);
        return exempt ? null : TooLong(text, Where(where), Field(where));
    }

    private static InputProblem? TooLong(string text, string where, string? field) =>
        text.Length > InputLimits.MaxStringLength
            ? new InputProblem($"{where} is {text.Length} characters long; at most {InputLimits.MaxStringLength} are accepted.", field, $"at most {InputLimits.MaxStringLength} characters")
            : null;

    private static string? Field(IReadOnlyList<object> path)
    {
        var text = new StringBuilder();
        foreach (var step in path)
        {
            switch (step)
            {
                case int index when index >= 0:
                    text.Append('[').Append(index).Append(']');
                    break;
                case string { Length: > 0 } name:
                    text.Append(text.Length > 0 ? "." : "").Append(name);
                    break;
            }
        }

        return text.Length > 0 ? text.ToString() : null;
    }

    private static string Where(IReadOnlyList<object> path) => Field(path) is { } field ? $"'{field}'" : "The body";

    private static List<object> Parent(List<object> path) => path.GetRange(0, path.Count - 1);

    private static int LineOf(ReadOnlySpan<byte> json, long upTo)
    {
        var end = (int)Math.Min(upTo, json.Length);
        return json[..end].Count((byte)'\n');
    }
}
