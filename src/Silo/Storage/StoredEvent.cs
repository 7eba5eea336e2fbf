using System.Text.Json;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// One pending event in the form both databases store: its stable type name and JSON payload and audience.
/// Serialised on the caller's thread before the write starts, so a bad event fails its own append with a clear error
/// (and never reaches a transaction shared with other appends) and the single writer spends its time on I/O.
/// </summary>
internal sealed record StoredEvent(PendingEvent Pending, string Type, string Payload, string Audience)
{
    public static StoredEvent From(PendingEvent pending) => new(
        pending,
        EventJson.TypeName(pending.Event),
        EventJson.SerializePayload(pending.Event),
        JsonSerializer.Serialize(pending.Audience, EventJson.Options));

    public static RecordedEvent Read(
        string exerciseId,
        long sequence,
        string stream,
        long streamVersion,
        DateTimeOffset recordedAt,
        string? commandId,
        string type,
        string payload,
        string audience) => new(
            exerciseId,
            sequence,
            stream,
            streamVersion,
            recordedAt,
            commandId,
            JsonSerializer.Deserialize<Audience>(audience, EventJson.Options)
                ?? throw new JsonException($"Event {sequence} of exercise '{exerciseId}' has a null audience."),
            EventJson.DeserializePayload(type, payload));
}
