using System.Globalization;
using CrisisGrid.Silo.Storage.Sqlite;
using CrisisGrid.Testing;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>Orleans' reminder-table contract on the embedded SQLite file: what a restarted silo finds again.</summary>
public sealed class SqliteReminderTableTests : IDisposable
{
    private static readonly DateTime Start = new(2027, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly GrainId Exercise = GrainId.Parse("exercise/ex-1", CultureInfo.InvariantCulture);
    private static readonly GrainId Nation = GrainId.Parse("nation/ex-1+FRA", CultureInfo.InvariantCulture);
    private readonly TempDirectory _directory = new();

    private SqliteReminderTable Open() => new(_directory.File("crisisgrid.db"));

    [Fact]
    public async Task A_registered_reminder_is_read_back_by_grain_by_name_and_by_ring_range_after_reopening_the_file()
    {
        using (var table = Open())
        {
            await table.UpsertRow(Entry(Exercise, "deadline", Start));
            await table.UpsertRow(Entry(Nation, "silence", Start.AddMinutes(5)));
        }

        using var reopened = Open();
        var deadline = Assert.Single((await reopened.ReadRows(Exercise)).Reminders);
        Assert.Equal(("deadline", Start, TimeSpan.FromMinutes(1)), (deadline.ReminderName, deadline.StartAt, deadline.Period));
        Assert.Equal("silence", (await reopened.ReadRow(Nation, "silence"))!.ReminderName);
        Assert.Null(await reopened.ReadRow(Nation, "deadline"));
        Assert.Equal(2, (await reopened.ReadRows(0, 0)).Reminders.Count); // a range that wraps the whole ring

        var hash = Exercise.GetUniformHashCode();
        Assert.Contains((await reopened.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == Exercise);
        Assert.DoesNotContain((await reopened.ReadRows(hash, hash == uint.MaxValue ? 0 : hash + 1)).Reminders, r => r.GrainId == Exercise && hash != uint.MaxValue);
    }

    [Fact]
    public async Task Upserting_replaces_the_reminder_with_a_new_etag_and_removing_needs_the_current_etag()
    {
        using var table = Open();
        var first = await table.UpsertRow(Entry(Exercise, "deadline", Start));
        var second = await table.UpsertRow(Entry(Exercise, "deadline", Start.AddHours(1)));
        Assert.NotEqual(first, second);
        Assert.Equal(Start.AddHours(1), (await table.ReadRow(Exercise, "deadline"))!.StartAt);

        Assert.False(await table.RemoveRow(Exercise, "deadline", first!)); // a stale etag removes nothing
        Assert.NotNull(await table.ReadRow(Exercise, "deadline"));
        Assert.True(await table.RemoveRow(Exercise, "deadline", second!));
        Assert.Empty((await table.ReadRows(Exercise)).Reminders);
    }

    public void Dispose() => _directory.Dispose();

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = TimeSpan.FromMinutes(1) };
}
