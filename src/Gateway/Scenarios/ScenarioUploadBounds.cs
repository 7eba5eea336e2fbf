using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrisisGrid.Gateway.Scenarios;

/// <summary>
/// Bounds on an uploaded scenario, checked on YAML's event stream before the loader builds and cross-checks the whole
/// document: an upload of 8,000 nations took the loader over a second to refuse. The stream is read only until a bound
/// is passed, so an upload at or over the limit is refused in milliseconds. Aliases are bounded too (a "billion laughs"
/// document expands them exponentially).
/// </summary>
public static class ScenarioUploadBounds
{
    public static readonly IReadOnlyDictionary<string, int> MaxItems = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["nations"] = 100,
        ["teams"] = 100,
        ["alliances"] = 50,
        ["msel"] = 1_000,
    };

    public const int MaxAliases = 200;

    /// <summary>The problem (what, where, what is allowed), or null when the upload is within bounds or is not YAML the loader will judge.</summary>
    public static (string Detail, string Field, string Allowed)? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var aliases = 0;
        string? section = null;
        var items = 0;
        var expectKey = false;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias when ++aliases > MaxAliases:
                        return ($"The scenario uses more than {MaxAliases} aliases.", "scenarioYaml", $"at most {MaxAliases} aliases (*name)");
                    case MappingStart or SequenceStart:
                        if (depth == 2 && section is not null && ++items > MaxItems[section])
                        {
                            return ($"The scenario has more than {MaxItems[section]} entries under '{section}'.", $"scenarioYaml.{section}", $"at most {MaxItems[section]} {section}");
                        }

                        depth++;
                        expectKey = depth == 1;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        if (depth == 1)
                        {
                            section = null;
                            expectKey = true;
                        }

                        break;
                    case Scalar scalar when depth == 1:
                        if (expectKey)
                        {
                            section = MaxItems.ContainsKey(scalar.Value) ? scalar.Value : null;
                            items = 0;
                        }

                        expectKey = !expectKey;
                        break;
                    case Scalar when depth == 2 && section is not null && ++items > MaxItems[section]:
                        return ($"The scenario has more than {MaxItems[section]} entries under '{section}'.", $"scenarioYaml.{section}", $"at most {MaxItems[section]} {section}");
                }
            }
        }
        catch (YamlException)
        {
            return null; // not YAML: the loader reports where, with line and column
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by the fuzz suite); the loader would too.
            return ($"The scenario is not valid YAML (near line {parser.Current?.Start.Line ?? 1}).", "scenarioYaml", "a YAML document in the crisisgrid/scenario format");
        }

        return null;
    }
}
