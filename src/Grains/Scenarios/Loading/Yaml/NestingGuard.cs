using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Walks the YAML event stream (YamlDotNet's parser is a state machine, not recursive) and stops at absurd nesting
/// before the recursive representation model sees it: <c>[[[[…</c> a few hundred thousand deep would otherwise
/// overflow the stack and take the whole silo down. No real scenario nests deeper than a dozen levels.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 64;

    /// <summary>Where the nesting first goes too deep, or null when the file is within bounds (or has a syntax error, left for the real parse to report).</summary>
    public static Mark? FindTooDeep(string yamlText)
    {
        var parser = new Parser(new StringReader(yamlText));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            return parser.Current.Start;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Malformed YAML: the real parse reports it with its position.
        }

        return null;
    }
}
