using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// A mapping with a fixed set of allowed keys. Unknown keys are reported when it is opened (with "did you mean" and
/// the allowed list), so a misspelt optional key never silently falls back to its default.
/// </summary>
internal sealed class MappingCursor
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _allowedKeys;

    public MappingCursor(NodeCursor self, YamlMappingNode mapping, IReadOnlyList<string> allowedKeys)
    {
        Self = self;
        _allowedKeys = allowedKeys;
        var allowed = string.Join(", ", allowedKeys);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || YamlScalars.IsNull(key))
            {
                self.At(key).Report("a key must be a plain name.", allowed);
                continue;
            }

            if (!allowedKeys.Contains(name))
            {
                self.Field(name, key).Report($"unknown key '{name}'.{Suggestions.DidYouMean(name, allowedKeys)}", allowed);
                continue;
            }

            _entries[name] = (key, value);
        }
    }

    public NodeCursor Self { get; }

    /// <summary>The key is written and has a value (an explicit <c>null</c> counts as absent).</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value);

    /// <summary>The value under <paramref name="key"/>, or null when it is absent or written as null (the default applies).</summary>
    public NodeCursor? Optional(string key)
    {
        AssertKnown(key);
        return Has(key) ? Self.Field(key, _entries[key].Value) : null;
    }

    /// <summary>The value under <paramref name="key"/>; reports it (at the mapping, or at a null value) when missing.</summary>
    public NodeCursor? Required(string key, string? allowed = null)
    {
        AssertKnown(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            Self.Problems.Add(Self.Node.Start, Self.Field(key, Self.Node).Path, $"missing required key '{key}'.", allowed);
            return null;
        }

        var value = Self.Field(key, entry.Value);
        if (value.IsNull)
        {
            value.Report($"'{key}' needs a value.", allowed);
            return null;
        }

        return value;
    }

    /// <summary>A cursor at the key itself (same path as the value) — where to report "this key should not be here".</summary>
    public NodeCursor KeyOf(string key) => Self.Field(key, _entries[key].Key);

    /// <summary>The allowed keys that are written, in the order of <see cref="_allowedKeys"/>.</summary>
    public IEnumerable<string> PresentKeys => _allowedKeys.Where(Has);

    /// <summary>A section asking for a key it did not declare is a bug in the loader, not in the file.</summary>
    private void AssertKnown(string key)
    {
        if (!_allowedKeys.Contains(key))
        {
            throw new InvalidOperationException($"The loader asked for '{key}', which is not among the keys it declared for {Self.Path}.");
        }
    }
}
