namespace CrisisGrid.Silo.Storage;

/// <summary>
/// Timestamps are stored with microsecond precision, PostgreSQL's timestamptz resolution, in both databases: an event
/// returned by an append then equals the same event read back, whichever database holds it.
/// </summary>
internal static class StorageTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider time) => ToStoredPrecision(time.GetUtcNow());
}
