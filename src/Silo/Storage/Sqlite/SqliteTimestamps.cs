using System.Globalization;

namespace CrisisGrid.Silo.Storage.Sqlite;

/// <summary>
/// SQLite has no timestamp type: instants are stored as fixed-width UTC ISO 8601 text with microseconds, which sorts
/// in time order and reads well in the sqlite3 shell.
/// </summary>
internal static class SqliteTimestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        StorageTime.ToStoredPrecision(value).UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
