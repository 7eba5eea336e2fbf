using System.Text.RegularExpressions;
using CrisisGrid.Grains.Exercises;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// A charter deadline: an ISO 8601 duration (real time, paused with the exercise) or one on the exercise's own clock:
/// "2 turns" or "end of next orders phase".
/// </summary>
internal static partial class PhaseDeadlineText
{
    public const string Allowed = "a positive ISO 8601 duration such as PT15M, a number of turns such as \"2 turns\", or \"end of next orders phase\" (planning, orders, adjudication or results)";

    /// <summary>The deadline as (real time, in play); reports a problem and returns (null, null) when it is neither.</summary>
    public static (TimeSpan? RealTime, PhaseDeadline? InPlay) Read(NodeCursor node)
    {
        if (node.Node is YamlScalarNode { Value: { } text } && !node.IsNull)
        {
            var turns = TurnsPattern().Match(text.Trim());
            if (turns.Success)
            {
                var count = int.Parse(turns.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (count is < 1 or > 100)
                {
                    node.Report($"{text} is not between 1 and 100 turns.", Allowed);
                    return (null, null);
                }

                return (null, new PhaseDeadline(count, null));
            }

            var phase = PhasePattern().Match(text.Trim());
            if (phase.Success)
            {
                return (null, new PhaseDeadline(null, Enum.Parse<TurnPhase>(phase.Groups[1].Value, ignoreCase: true)));
            }

            if (!YamlScalars.TryDuration(text, out _))
            {
                node.Report($"expected a duration, a number of turns or the end of a phase, found '{text}'.", Allowed);
                return (null, null);
            }
        }

        return (node.Duration(DurationRule.Positive, Allowed), null);
    }

    [GeneratedRegex(@"^(\d{1,4}) turns?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TurnsPattern();

    [GeneratedRegex(@"^end of (?:the )?next (planning|orders|adjudication|results) phase$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhasePattern();
}
