using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace CrisisGrid.Grains.Events;

/// <summary>
/// Durations as ISO 8601 ("PT15M"), the same spelling scenario files use, so people read one format everywhere.
/// Also reads .NET's "c" format ("00:15:00"), which is what a client is most likely to send by mistake.
/// </summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A duration cannot be null; use an ISO 8601 duration such as PT15M.");
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                throw new JsonException($"'{text}' is not an ISO 8601 duration (for example PT15M, PT2H, P1D).");
            }
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a duration; use ISO 8601, for example PT15M.");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
