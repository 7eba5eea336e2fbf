using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Reads scalars the way YAML 1.2's core schema types them, so the loader agrees with editors and with the JSON
/// Schema check in tests/schema (which parses with the "yaml" npm package): a quoted "12" is text, not a number;
/// <c>yes</c>/<c>no</c> are text, not booleans.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static bool IsPlain(YamlScalarNode node) => node.Style is ScalarStyle.Plain or ScalarStyle.Any;

    public static bool TryInteger(YamlScalarNode node, out long value)
    {
        value = 0;
        return IsPlain(node) && node.Value is { } text && IntegerPattern().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryNumber(YamlScalarNode node, out double value)
    {
        value = 0;
        return IsPlain(node) && node.Value is { } text && NumberPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryBoolean(YamlScalarNode node, out bool value)
    {
        value = false;
        if (!IsPlain(node))
        {
            return false;
        }

        switch (node.Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// An ISO 8601 duration with weeks, days, hours, minutes and (fractional) seconds, optionally negative
    /// ("-PT1H"). Hand-written because <see cref="System.Xml.XmlConvert.ToTimeSpan"/> also takes years and months,
    /// which have no fixed length and so cannot be a <see cref="TimeSpan"/> honestly.
    /// </summary>
    public static bool TryDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success || (!match.Groups["w"].Success && !match.Groups["d"].Success && !match.Groups["time"].Success))
        {
            return false;
        }

        if (match.Groups["time"].Success && !match.Groups["h"].Success && !match.Groups["m"].Success && !match.Groups["s"].Success)
        {
            return false; // "PT" with nothing after it
        }

        try
        {
            var ticks = checked(
                (Whole(match, "w") * 7 * TimeSpan.TicksPerDay)
                + (Whole(match, "d") * TimeSpan.TicksPerDay)
                + (Whole(match, "h") * TimeSpan.TicksPerHour)
                + (Whole(match, "m") * TimeSpan.TicksPerMinute)
                + (long)Math.Round(Fraction(match, "s") * TimeSpan.TicksPerSecond));
            value = TimeSpan.FromTicks(match.Groups["neg"].Success ? -ticks : ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>An ISO 8601 date and time that states its offset (Z or ±hh:mm): an exercise start must not depend on the server's zone.</summary>
    public static bool TryDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    private static long Whole(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private static double Fraction(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<w>[0-9]{1,7})W)?(?:(?<d>[0-9]{1,7})D)?(?<time>T(?:(?<h>[0-9]{1,9})H)?(?:(?<m>[0-9]{1,10})M)?(?:(?<s>[0-9]{1,12}(?:\.[0-9]{1,7})?)S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex DateTimePattern();
}
