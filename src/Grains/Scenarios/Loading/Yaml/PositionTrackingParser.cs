using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Wraps YamlDotNet's parser to remember where the last well-formed event ended. Some malformed input (an unclosed
/// flow sequence at the end of a file) makes the scanner throw <see cref="InvalidOperationException"/> without a
/// position; this lets the loader still say where reading stopped.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastGoodEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGoodEnd = current.End;
        }

        return inner.MoveNext();
    }
}
