using System.Globalization;
using System.Text;
using System.Text.Json;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// The review's exports: the log as JSON Lines (one recorded event per line, in the log's own JSON), the events as
/// CSV, and each nation's indices at the end of each turn as CSV. CSV follows RFC 4180 (fields with a comma, quote or
/// line break are quoted, quotes doubled), so spreadsheets open it as it is.
/// </summary>
public static class ReviewExport
{
    public const string EventsCsvHeader = "sequence,recordedAt,stream,type,audience,payload";

    public static string JsonLine(RecordedEvent recorded) => JsonSerializer.Serialize(recorded, EventJson.Options);

    public static string EventsCsvRow(RecordedEvent recorded) => string.Join(
        ',',
        recorded.Sequence.ToString(CultureInfo.InvariantCulture),
        recorded.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        Field(recorded.Stream),
        Field(EventJson.TypeName(recorded.Event)),
        Field(recorded.Audience.Kind == AudienceKind.Nations ? string.Join(' ', recorded.Audience.Nations) : recorded.Audience.Kind.ToString().ToLowerInvariant()),
        Field(EventJson.SerializePayload(recorded.Event)));

    /// <summary>One row per nation and turn: its indices at the last sampled moment of that turn.</summary>
    public static string IndicesCsv(ReviewSeries series)
    {
        var indices = Enum.GetValues<NationIndex>();
        var csv = new StringBuilder("turn,sequence,nation,").AppendJoin(',', indices.Select(i => JsonNamingPolicy.CamelCase.ConvertName(i.ToString()))).Append("\r\n");
        var lastOfTurn = series.Points.Select((p, i) => (p, i)).GroupBy(x => x.p.Turn).Select(g => g.Last());
        foreach (var (point, i) in lastOfTurn)
        {
            foreach (var nation in series.Nations)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{point.Turn},{point.Sequence},{Field(nation.Nation)},")
                    .AppendJoin(',', indices.Select(index => nation.Values[i][index].ToString(CultureInfo.InvariantCulture)))
                    .Append("\r\n");
            }
        }

        return csv.ToString();
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
