namespace CrisisGrid.Grains.Events;

/// <summary>
/// The stream moved on since the writer read it: another writer appended first (for example a stale activation of
/// the same grain during membership churn). Nothing was written. It crosses to callers, who retry: the command id
/// makes the retry apply once.
/// </summary>
public sealed class EventLogConcurrencyException : Exception
{
    public EventLogConcurrencyException() { }

    public EventLogConcurrencyException(string message) : base(message) { }

    public EventLogConcurrencyException(string message, Exception inner) : base(message, inner) { }

    public EventLogConcurrencyException(string exerciseId, string stream, long expected, long actual)
        : base($"Stream '{stream}' of exercise '{exerciseId}' is at version {actual}, not {expected}: another writer appended first.")
    {
        ExerciseId = exerciseId;
        Stream = stream;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    public string? ExerciseId { get; }

    public string? Stream { get; }

    public long ExpectedVersion { get; }

    public long ActualVersion { get; }
}
