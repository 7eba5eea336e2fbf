using CrisisGrid.Grains.Events;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// The argument rules every <see cref="IEventLog"/> implementation shares, checked
/// before anything touches the database so bad input changes nothing and says what was wrong.
/// </summary>
internal static class StorageArguments
{
    public static IReadOnlyList<StoredEvent> ValidateAppend(
        string exerciseId,
        string stream,
        long expectedVersion,
        string? commandId,
        IReadOnlyList<PendingEvent> events)
    {
        ValidateExerciseId(exerciseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (commandId is not null && string.IsNullOrWhiteSpace(commandId))
        {
            throw new ArgumentException("A command id must not be blank: pass null for events without a command.", nameof(commandId));
        }

        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException($"An append to stream '{stream}' of exercise '{exerciseId}' needs at least one event.", nameof(events));
        }

        var stored = new StoredEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var pending = events[i];
            if (pending?.Event is null || pending.Audience is null)
            {
                throw new ArgumentException($"Event {i} of the append to stream '{stream}' is null or has no event or audience.", nameof(events));
            }

            stored[i] = StoredEvent.From(pending);
        }

        return stored;
    }

    public static void ValidateExerciseId(string exerciseId) => ArgumentException.ThrowIfNullOrWhiteSpace(exerciseId);

    public static void ValidateRange(string exerciseId, long afterSequence, long? upToSequence, int maxCount)
    {
        ValidateExerciseId(exerciseId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        if (upToSequence is { } upTo)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(upTo, nameof(upToSequence));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
    }
}
