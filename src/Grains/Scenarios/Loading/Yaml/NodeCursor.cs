using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>What a duration may be: most are spans of time that must pass (positive); an inject's time is an offset from the clock start (zero allowed).</summary>
internal enum DurationRule
{
    Positive,
    NotNegative,
}

/// <summary>
/// A YAML node together with its field path (<c>nations[2].indices.economy</c>) and the file's problem list.
/// Every reader either returns a value or reports why it cannot (at the node's line and column) and returns null,
/// so section readers stay short and keep going after a problem.
/// </summary>
internal sealed class NodeCursor(YamlNode node, string path, ProblemList problems)
{
    public YamlNode Node { get; } = node;

    public string Path { get; } = path;

    public ProblemList Problems { get; } = problems;

    public int Line => (int)Node.Start.Line;

    public bool IsNull => YamlScalars.IsNull(Node);

    public NodeCursor Field(string key, YamlNode value) => new(value, Path.Length == 0 ? key : $"{Path}.{key}", Problems);

    public NodeCursor Item(int index, YamlNode value) => new(value, $"{Path}[{index}]", Problems);

    /// <summary>The same path at another node — e.g. a map's key, so a bad key is reported where it is written.</summary>
    public NodeCursor At(YamlNode other) => new(other, Path, Problems);

    public void Report(string message, string? allowed = null) => Problems.Add(Node.Start, Path, message, allowed);

    /// <summary>How the node looks, for "expected X, found Y" messages.</summary>
    public string Describe() => Node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull => "nothing (null)",
        YamlScalarNode scalar when !YamlScalars.IsPlain(scalar) => $"the quoted text \"{scalar.Value}\"",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    /// <summary>A mapping whose keys must come from <paramref name="allowedKeys"/>; unknown keys are reported with a suggestion.</summary>
    public MappingCursor? Mapping(IReadOnlyList<string> allowedKeys)
    {
        if (Node is not YamlMappingNode mapping)
        {
            Report($"expected a mapping, found {Describe()}.", $"a mapping with the keys {string.Join(", ", allowedKeys)}");
            return null;
        }

        return new MappingCursor(this, mapping, allowedKeys);
    }

    /// <summary>A mapping whose keys are names chosen by the author (weights, index deltas, public support); keys are checked by the caller.</summary>
    public IReadOnlyList<(NodeCursor Key, string Name, NodeCursor Value)>? OpenMapping(string allowed)
    {
        if (Node is not YamlMappingNode mapping)
        {
            Report($"expected a mapping, found {Describe()}.", allowed);
            return null;
        }

        var entries = new List<(NodeCursor, string, NodeCursor)>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || YamlScalars.IsNull(key))
            {
                At(key).Report("a key must be a plain name.", allowed);
                continue;
            }

            var child = Field(name, value);
            entries.Add((child.At(key), name, child));
        }

        return entries;
    }

    public IReadOnlyList<NodeCursor>? Sequence(string allowed, bool nonEmpty = false)
    {
        if (Node is not YamlSequenceNode sequence)
        {
            Report($"expected a list, found {Describe()}.", allowed);
            return null;
        }

        if (nonEmpty && sequence.Children.Count == 0)
        {
            Report("the list is empty.", allowed);
            return null;
        }

        return [.. sequence.Children.Select((child, index) => Item(index, child))];
    }

    public string? Text(string allowed = "text")
    {
        if (Node is not YamlScalarNode { Value: { } text } || IsNull)
        {
            Report($"expected text, found {Describe()}.", allowed);
            return null;
        }

        return text;
    }

    /// <summary>Text that must match <paramref name="pattern"/> — codes and ids, which become grain keys and so must be tame.</summary>
    public string? Matching(Regex pattern, string allowed)
    {
        var text = Text(allowed);
        if (text is not null && !pattern.IsMatch(text))
        {
            Report($"'{text}' is not well-formed.", allowed);
            return null;
        }

        return text;
    }

    public int? Integer(int min, int max, string? allowed = null)
    {
        allowed ??= min == int.MinValue ? "an integer" : max == int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}";
        if (Node is not YamlScalarNode scalar || !YamlScalars.TryInteger(scalar, out var value))
        {
            Report($"expected an integer, found {Describe()}.", allowed);
            return null;
        }

        if (value < min || value > max)
        {
            Report($"{value.ToString(CultureInfo.InvariantCulture)} is out of range.", allowed);
            return null;
        }

        return (int)value;
    }

    /// <summary>A fraction in (0, 1] — thresholds and quorums.</summary>
    public double? Fraction()
    {
        const string allowed = "a number greater than 0 and at most 1, such as 0.5 or 0.66";
        if (Node is not YamlScalarNode scalar || !YamlScalars.TryNumber(scalar, out var value))
        {
            Report($"expected a number, found {Describe()}.", allowed);
            return null;
        }

        if (value is <= 0 or > 1)
        {
            Report($"{scalar.Value} is out of range.", allowed);
            return null;
        }

        return value;
    }

    public bool? Boolean()
    {
        if (Node is not YamlScalarNode scalar || !YamlScalars.TryBoolean(scalar, out var value))
        {
            Report($"expected true or false, found {Describe()}.", "true or false");
            return null;
        }

        return value;
    }

    public TimeSpan? Duration(DurationRule rule, string? allowed = null)
    {
        allowed ??= rule == DurationRule.Positive
            ? "a positive ISO 8601 duration such as PT15M, PT12H or P2D"
            : "an ISO 8601 duration of zero or more, such as PT0S, PT30H or P2D";
        if (Node is not YamlScalarNode { Value: { } text } || IsNull || !YamlScalars.TryDuration(text, out var value))
        {
            Report($"expected an ISO 8601 duration, found {Describe()}.", allowed);
            return null;
        }

        if (value < TimeSpan.Zero)
        {
            Report($"{text} is negative.", allowed);
            return null;
        }

        if (value == TimeSpan.Zero && rule == DurationRule.Positive)
        {
            Report($"{text} is zero.", allowed);
            return null;
        }

        return value;
    }

    public DateTimeOffset? DateTime()
    {
        const string allowed = "an ISO 8601 date and time with an offset, such as 2031-03-01T06:00:00Z";
        if (Node is not YamlScalarNode { Value: { } text } || IsNull || !YamlScalars.TryDateTime(text, out var value))
        {
            Report($"expected a date and time, found {Describe()}.", allowed);
            return null;
        }

        return value;
    }

    /// <summary>One of an enum's values, written in camelCase (<c>qualifiedMajority</c>).</summary>
    public T? Enum<T>(string what)
        where T : struct, Enum
    {
        var allowed = EnumText.Allowed<T>();
        var text = Text(allowed);
        if (text is null)
        {
            return null;
        }

        if (EnumText.TryParse<T>(text, out var value))
        {
            return value;
        }

        Report($"'{text}' is not a known {what}.{Suggestions.DidYouMean(text, EnumText.Names<T>())}", allowed);
        return null;
    }
}
