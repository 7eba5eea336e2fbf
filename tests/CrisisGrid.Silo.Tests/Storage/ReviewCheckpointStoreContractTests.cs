using CrisisGrid.Grains.Review.Checkpoints;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Silo.Storage.Sqlite;
using CrisisGrid.Silo.Tests.Storage.Support;
using CrisisGrid.Testing;
using Npgsql;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>
/// The review checkpoint store's contract (<see cref="IReviewCheckpointStore"/>), on every database the event log
/// runs on. <see cref="OpenStore"/> may be called again for an independent instance on the same database: what a
/// restarted silo sees.
/// </summary>
public abstract class ReviewCheckpointStoreContractTests : IAsyncLifetime
{
    private const string Format = "rules-1";

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    protected abstract IReviewCheckpointStore OpenStore();

    public Task InitializeAsync() => CreateDatabaseAsync();

    public Task DisposeAsync() => DeleteDatabaseAsync();

    private static ReviewCheckpoint World(long sequence, string format = Format) =>
        new("world", sequence, format, [.. BitConverter.GetBytes(sequence), 1, 2, 3]);

    private static ReviewCheckpoint Feed(long sequence, int size = 16) =>
        new("feed", sequence, Format, [.. Enumerable.Range(0, size).Select(i => (byte)(i + sequence))], ReplacesEarlier: true);

    [ContractFact]
    public async Task The_latest_checkpoint_at_or_before_a_sequence_is_read_back_byte_for_byte_by_another_instance()
    {
        await OpenStore().SaveAsync("ex-1", [World(1024), World(2048), World(3072)]);

        var store = OpenStore();
        Assert.Null(await store.LoadLatestAsync("ex-1", "world", 1023, Format));
        Assert.Equal(World(1024).Payload, (await store.LoadLatestAsync("ex-1", "world", 1024, Format))!.Payload);
        var between = await store.LoadLatestAsync("ex-1", "world", 3000, Format);
        Assert.Equal(2048L, between!.Sequence);
        Assert.Equal(World(2048).Payload, between.Payload);
        Assert.Equal(3072, (await store.LoadLatestAsync("ex-1", "world", long.MaxValue, Format))!.Sequence);
    }

    [ContractFact]
    public async Task Checkpoints_of_another_format_kind_or_exercise_are_not_read()
    {
        var store = OpenStore();
        await store.SaveAsync("ex-1", [World(1024, "rules-0"), World(2048)]);
        await store.SaveAsync("ex-2", [World(3072)]);

        Assert.Null(await store.LoadLatestAsync("ex-1", "world", 2047, Format));
        Assert.Equal(2048, (await store.LoadLatestAsync("ex-1", "world", 5000, Format))!.Sequence);
        Assert.Null(await store.LoadLatestAsync("ex-1", "feed", 5000, Format));
        Assert.Equal(3072, (await store.LoadLatestAsync("ex-2", "world", 5000, Format))!.Sequence);
    }

    [ContractFact]
    public async Task A_checkpoint_that_replaces_earlier_ones_keeps_only_the_latest_of_its_kind()
    {
        var store = OpenStore();
        await store.SaveAsync("ex-1", [World(1024), Feed(1500)]);
        await store.SaveAsync("ex-1", [World(2048), Feed(9000, size: 3 * 1024 * 1024)]);

        Assert.Null(await store.LoadLatestAsync("ex-1", "feed", 8999, Format));
        Assert.Equal(Feed(9000, size: 3 * 1024 * 1024).Payload, (await store.LoadLatestAsync("ex-1", "feed", 9000, Format))!.Payload);
        Assert.Equal(1024, (await store.LoadLatestAsync("ex-1", "world", 2047, Format))!.Sequence);
    }

    [ContractFact]
    public async Task Saving_the_same_kind_and_sequence_again_replaces_it()
    {
        var store = OpenStore();
        await store.SaveAsync("ex-1", [World(1024, "rules-0")]);
        await store.SaveAsync("ex-1", [World(1024)]);

        Assert.Null(await store.LoadLatestAsync("ex-1", "world", 1024, "rules-0"));
        Assert.Equal(World(1024).Payload, (await OpenStore().LoadLatestAsync("ex-1", "world", 1024, Format))!.Payload);
    }
}

public sealed class SqliteReviewCheckpointStoreTests : ReviewCheckpointStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crisisgrid-test-").FullName;

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DeleteDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override IReviewCheckpointStore OpenStore() => new SqliteReviewCheckpointStore(Path.Combine(_directory, "crisisgrid.db"));
}

[RequiresEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable, PostgresTests.HowToRun)]
public sealed class PostgresReviewCheckpointStoreTests : ReviewCheckpointStoreContractTests
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresTestDatabase? _database;

    protected override async Task CreateDatabaseAsync() => _database = await PostgresTestDatabase.CreateAsync();

    protected override async Task DeleteDatabaseAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override IReviewCheckpointStore OpenStore()
    {
        var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgresReviewCheckpointStore(dataSource);
    }
}
