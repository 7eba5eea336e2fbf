using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Tests.Storage.Support;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>The <see cref="IReminderTable"/> contract, run against every implementation on a fresh store.</summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly GrainId Exercise = new("exercise", "ex-1");
    private static readonly GrainId Nation = new("nation", "ex-1/FRA");

    protected abstract Task CreateStoreAsync();

    protected abstract Task DeleteStoreAsync();

    /// <summary>A new, independent table instance on this test's store.</summary>
    protected abstract IReminderTable CreateTable();

    public Task InitializeAsync() => CreateStoreAsync();

    public Task DisposeAsync() => DeleteStoreAsync();

    [ContractFact]
    public async Task Registered_reminders_read_back_by_grain_and_all_together()
    {
        var table = CreateTable();
        var tick = new ReminderEntry(Exercise, "clock-tick", Start, TimeSpan.FromMinutes(1));
        var deadline = new ReminderEntry(Exercise, "deadline", Start.AddHours(2), TimeSpan.FromDays(1));
        var silence = new ReminderEntry(Nation, "silence-procedure", Start.AddMinutes(30), TimeSpan.FromMinutes(5));

        await table.UpsertAsync(tick);
        await table.UpsertAsync(silence);
        await table.UpsertAsync(deadline);

        Assert.Equal([tick, deadline], await table.ReadAsync(Exercise));
        Assert.Equal([silence], await table.ReadAsync(Nation));
        Assert.Equal([tick, deadline, silence], await table.ReadAllAsync());
        Assert.Empty(await table.ReadAsync(new GrainId("nation", "ex-1/DEU")));
    }

    [ContractFact]
    public async Task Upserting_a_reminder_of_the_same_grain_and_name_replaces_it()
    {
        var table = CreateTable();
        await table.UpsertAsync(new ReminderEntry(Exercise, "clock-tick", Start, TimeSpan.FromMinutes(1)));

        var moved = new ReminderEntry(Exercise, "clock-tick", Start.AddMinutes(10), TimeSpan.FromSeconds(90));
        await table.UpsertAsync(moved);

        Assert.Equal([moved], await table.ReadAllAsync());
    }

    [ContractFact]
    public async Task Removing_deletes_only_that_reminder_and_removing_a_missing_one_is_harmless()
    {
        var table = CreateTable();
        var keep = new ReminderEntry(Exercise, "keep", Start, TimeSpan.FromMinutes(1));
        await table.UpsertAsync(keep);
        await table.UpsertAsync(new ReminderEntry(Exercise, "drop", Start, TimeSpan.FromMinutes(1)));
        await table.UpsertAsync(new ReminderEntry(Nation, "drop", Start, TimeSpan.FromMinutes(1)));

        await table.RemoveAsync(Exercise, "drop");
        await table.RemoveAsync(Exercise, "never-registered");

        Assert.Equal([keep], await table.ReadAsync(Exercise));
        Assert.Single(await table.ReadAsync(Nation));
    }

    [ContractFact]
    public async Task Reminders_survive_reopening_the_table()
    {
        var entry = new ReminderEntry(Nation, "silence-procedure", Start, TimeSpan.FromHours(1));
        await CreateTable().UpsertAsync(entry);

        Assert.Equal([entry], await CreateTable().ReadAllAsync());
    }

    [ContractFact]
    public async Task Times_keep_microseconds_and_periods_keep_every_tick()
    {
        var table = CreateTable();
        var precise = Start.AddTicks(1_234_567); // 0.1234567 s: the last tick is below a microsecond
        await table.UpsertAsync(new ReminderEntry(Exercise, "precise", precise, TimeSpan.FromTicks(1_234_567_891)));

        var read = Assert.Single(await table.ReadAllAsync());
        Assert.Equal(Start.AddTicks(1_234_560), read.StartAt);
        Assert.Equal(TimeSpan.FromTicks(1_234_567_891), read.Period);
    }

    [ContractFact]
    public async Task Bad_entries_are_rejected_and_store_nothing()
    {
        var table = CreateTable();

        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertAsync(new ReminderEntry(default, "tick", Start, TimeSpan.FromMinutes(1))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpsertAsync(new ReminderEntry(Exercise, " ", Start, TimeSpan.FromMinutes(1))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => table.UpsertAsync(new ReminderEntry(Exercise, "tick", Start, TimeSpan.FromMinutes(-1))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.ReadAsync(default));

        Assert.Empty(await table.ReadAllAsync());
    }
}
