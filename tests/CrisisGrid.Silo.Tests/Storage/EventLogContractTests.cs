using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;
using CrisisGrid.Silo.Tests.Storage.Support;
using CrisisGrid.Testing;
using Microsoft.Extensions.Time.Testing;
using static CrisisGrid.Silo.Tests.Storage.TestEvents;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>
/// The <see cref="IEventLog"/> contract, run against every implementation by a subclass that says how to open a log
/// on a fresh store. <see cref="OpenLog"/> may be called again to get an independent instance on the same store: what
/// a restarted or second process would see.
/// </summary>
public abstract partial class EventLogContractTests : IAsyncLifetime
{
    private readonly List<IEventLog> _opened = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 1, 6, 0, 0, 123, TimeSpan.Zero));

    /// <summary>Creates the empty store this test uses (a temp file, a fresh schema).</summary>
    protected abstract Task CreateStoreAsync();

    /// <summary>Removes the store after every log is disposed.</summary>
    protected abstract Task DeleteStoreAsync();

    /// <summary>A new, independent log instance on this test's store, sharing nothing in memory with earlier ones.</summary>
    protected abstract IEventLog CreateLog();

    public Task InitializeAsync() => CreateStoreAsync();

    public async Task DisposeAsync()
    {
        foreach (var log in _opened)
        {
            await CloseAsync(log);
        }

        await DeleteStoreAsync();
    }

    protected IEventLog OpenLog()
    {
        var log = CreateLog();
        _opened.Add(log);
        return log;
    }

    /// <summary>Shuts an instance down as a host would (flushing what it accepted). Safe to call twice.</summary>
    protected static async Task CloseAsync(IEventLog log)
    {
        if (log is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [ContractFact]
    public async Task Appended_events_read_back_equal_to_what_the_append_returned()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        var pending = new[] { NewsEvent("n1", Audience.ToNations(["FRA", "DEU"])), NewsEvent("n2", Audience.Control) };

        var recorded = await log.AppendAsync(exercise, "news", 0, "cmd-1", pending);

        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, r =>
        {
            Assert.Equal(exercise, r.ExerciseId);
            Assert.Equal("news", r.Stream);
            Assert.Equal("cmd-1", r.CommandId);
            Assert.Equal(Time.GetUtcNow(), r.RecordedAt);
        });
        Assert.Equal([1L, 2L], recorded.Select(r => r.Sequence));
        Assert.Equal([1L, 2L], recorded.Select(r => r.StreamVersion));
        Assert.Equal(pending.Select(p => p.Event), recorded.Select(r => r.Event));
        Assert.Equal(pending.Select(p => p.Audience), recorded.Select(r => r.Audience));

        Assert.Equal(recorded, await log.ReadStreamAsync(exercise, "news"));
        Assert.Equal(recorded, await log.ReadExerciseAsync(exercise));

        var read = Assert.IsType<NewsPublished>((await log.ReadExerciseAsync(exercise))[0].Event);
        Assert.Equal("Headline n1", read.Headline);
        Assert.Contains("ünïcödé", read.Body, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task Sequence_is_dense_across_streams_and_each_stream_counts_its_own_versions()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();

        var a1 = await log.AppendAsync(exercise, "nation/FRA", 0, null, News("a1", "a2"));
        var b1 = await log.AppendAsync(exercise, "nation/DEU", 0, null, News("b1"));
        var a2 = await log.AppendAsync(exercise, "nation/FRA", 2, null, News("a3"));
        var c1 = await log.AppendAsync(exercise, "exercise", 0, null, News("c1", "c2", "c3"));

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], a1.Concat(b1).Concat(a2).Concat(c1).Select(r => r.Sequence));
        Assert.Equal([1L, 2L, 3L], (await log.ReadStreamAsync(exercise, "nation/FRA")).Select(r => r.StreamVersion));
        Assert.Equal(["Headline a1", "Headline a2", "Headline a3"], (await log.ReadStreamAsync(exercise, "nation/FRA")).Select(Headline));
        Assert.Equal([1L], (await log.ReadStreamAsync(exercise, "nation/DEU")).Select(r => r.StreamVersion));
        Assert.Equal([1L, 2L, 3L], (await log.ReadStreamAsync(exercise, "exercise")).Select(r => r.StreamVersion));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], (await log.ReadExerciseAsync(exercise)).Select(r => r.Sequence));
        Assert.Empty(await log.ReadStreamAsync(exercise, "nation/ITA"));
    }

    [ContractFact]
    public async Task An_append_with_a_stale_or_future_expected_version_fails_and_writes_nothing()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        await log.AppendAsync(exercise, "alliance/NATO", 0, null, News("first"));

        var stale = await Assert.ThrowsAsync<EventLogConcurrencyException>(
            () => log.AppendAsync(exercise, "alliance/NATO", 0, "cmd-late", News("late", "later")));
        var future = await Assert.ThrowsAsync<EventLogConcurrencyException>(
            () => log.AppendAsync(exercise, "alliance/NATO", 5, null, News("future")));

        Assert.Equal((exercise, "alliance/NATO", 0L, 1L), (stale.ExerciseId, stale.Stream, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal((5L, 1L), (future.ExpectedVersion, future.ActualVersion));
        Assert.Equal(["Headline first"], (await log.ReadExerciseAsync(exercise)).Select(Headline));
        Assert.Equal(1, await log.GetLastSequenceAsync(exercise));

        // The failed appends left no hole: the next good append takes sequence 2.
        var next = await log.AppendAsync(exercise, "alliance/NATO", 1, null, News("second"));
        Assert.Equal((2L, 2L), (next[0].Sequence, next[0].StreamVersion));
    }

    [ContractFact]
    public async Task A_conflict_in_one_of_many_simultaneous_appends_fails_only_that_append()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();

        // Started together so that a group-committing log puts them in the same transaction: ten contenders for
        // version 1 of one stream (one may win) among thirty appends to streams of their own (all must succeed).
        var contenders = Enumerable.Range(0, 10)
            .Select(i => log.AppendAsync(exercise, "contested", 0, null, News($"contender-{i}")))
            .ToList();
        var others = Enumerable.Range(0, 30)
            .Select(i => log.AppendAsync(exercise, $"own/{i}", 0, null, News($"own-{i}")))
            .ToList();
        await Task.WhenAll(contenders.Concat(others).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.All(others, t => Assert.True(t.IsCompletedSuccessfully, t.Exception?.ToString()));
        Assert.Equal(1, contenders.Count(t => t.IsCompletedSuccessfully));
        Assert.All(contenders.Where(t => !t.IsCompletedSuccessfully), t =>
        {
            var conflict = Assert.IsType<EventLogConcurrencyException>(t.Exception!.InnerException);
            Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.ActualVersion));
        });

        var all = await log.ReadExerciseAsync(exercise);
        Assert.Equal(Enumerable.Range(1, 31).Select(i => (long)i), all.Select(r => r.Sequence));
        var winner = contenders.Single(t => t.IsCompletedSuccessfully).Result.Single();
        Assert.Equal([winner], await log.ReadStreamAsync(exercise, "contested"));
    }

    [ContractFact]
    public async Task Fifty_concurrent_writers_get_a_gapless_duplicate_free_sequence_and_every_acknowledged_event_is_readable()
    {
        const int Writers = 50;
        const int AppendsPerWriter = 20;
        var log = OpenLog();
        var exercise = NewExerciseId();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<RecordedEvent>();
        var conflicts = 0;

        // Two writers per stream, each re-reading the stream after losing a race, as a grain reactivation would.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var stream = $"stream/{writer / 2}";
            for (var done = 0; done < AppendsPerWriter;)
            {
                var version = (await log.ReadStreamAsync(exercise, stream)).Count;
                try
                {
                    foreach (var r in await log.AppendAsync(exercise, stream, version, $"w{writer}-{done}", News($"w{writer}-{done}")))
                    {
                        acknowledged.Add(r);
                    }

                    done++;
                }
                catch (EventLogConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var all = await log.ReadExerciseAsync(exercise);
        Assert.Equal(Enumerable.Range(1, Writers * AppendsPerWriter).Select(i => (long)i), all.Select(r => r.Sequence));
        Assert.Equal(acknowledged.OrderBy(r => r.Sequence), all);
        foreach (var stream in all.GroupBy(r => r.Stream))
        {
            Assert.Equal(Enumerable.Range(1, 2 * AppendsPerWriter).Select(i => (long)i), stream.Select(r => r.StreamVersion));
        }

        Assert.Equal(Writers * AppendsPerWriter, await log.GetLastSequenceAsync(exercise));
    }

    [ContractFact]
    public async Task ReadExercise_honours_after_up_to_and_max_count()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        var versions = new Dictionary<string, long>();
        for (var i = 1; i <= 10; i++)
        {
            var stream = $"s{i % 3}";
            var version = versions.GetValueOrDefault(stream);
            await log.AppendAsync(exercise, stream, version, null, News($"e{i}"));
            versions[stream] = version + 1;
        }

        static long[] Seq(IReadOnlyList<RecordedEvent> events) => [.. events.Select(e => e.Sequence)];
        Assert.Equal(new long[] { 4L, 5L, 6L, 7L, 8L, 9L, 10L }, Seq(await log.ReadExerciseAsync(exercise, afterSequence: 3)));
        Assert.Equal(new long[] { 1L, 2L, 3L, 4L, 5L, 6L }, Seq(await log.ReadExerciseAsync(exercise, upToSequence: 6)));
        Assert.Equal(new long[] { 3L, 4L, 5L }, Seq(await log.ReadExerciseAsync(exercise, afterSequence: 2, upToSequence: 8, maxCount: 3)));
        Assert.Equal(new long[] { 1L, 2L }, Seq(await log.ReadExerciseAsync(exercise, maxCount: 2)));
        Assert.Empty(await log.ReadExerciseAsync(exercise, maxCount: 0));
        Assert.Empty(await log.ReadExerciseAsync(exercise, afterSequence: 10));
        Assert.Empty(await log.ReadExerciseAsync(exercise, afterSequence: 6, upToSequence: 6));
        Assert.Empty(await log.ReadExerciseAsync(exercise, afterSequence: 7, upToSequence: 3));
        Assert.Equal(["Headline e5"], (await log.ReadExerciseAsync(exercise, 4, 5)).Select(Headline));
    }

    [ContractFact]
    public async Task Last_sequence_is_zero_for_an_unknown_exercise_and_follows_appends()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        Assert.Equal(0, await log.GetLastSequenceAsync(exercise));

        await log.AppendAsync(exercise, "a", 0, null, News("1", "2", "3"));
        Assert.Equal(3, await log.GetLastSequenceAsync(exercise));
        await log.AppendAsync(exercise, "b", 0, null, News("4"));
        Assert.Equal(4, await log.GetLastSequenceAsync(exercise));
    }

    [ContractFact]
    public async Task Audience_command_id_and_recording_time_round_trip()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        var audiences = new[] { Audience.Public, Audience.Control, Audience.ToNation("POL"), Audience.ToNations(["USA", "CAN", "GBR"]) };

        await log.AppendAsync(exercise, "s", 0, null, [NewsEvent("no-command", audiences[0])]);
        Time.Advance(TimeSpan.FromMinutes(7.5));
        await log.AppendAsync(exercise, "s", 1, "cmd-42", [.. audiences.Skip(1).Select((a, i) => NewsEvent($"a{i}", a))]);

        var read = await log.ReadExerciseAsync(exercise);
        Assert.Equal(audiences, read.Select(r => r.Audience));
        Assert.Equal(["CAN", "GBR", "USA"], read[3].Audience.Nations.AsEnumerable());
        Assert.Equal([null, "cmd-42", "cmd-42", "cmd-42"], read.Select(r => r.CommandId));
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromMinutes(7.5), read[0].RecordedAt);
        Assert.Equal(Time.GetUtcNow(), read[1].RecordedAt);
    }

    [ContractFact]
    public async Task Exercises_are_isolated_from_each_other()
    {
        var log = OpenLog();
        var (first, second) = (NewExerciseId(), NewExerciseId());

        await log.AppendAsync(first, "exercise", 0, null, News("f1", "f2"));
        var other = await log.AppendAsync(second, "exercise", 0, null, News("s1"));
        await log.AppendAsync(first, "exercise", 2, null, News("f3"));

        Assert.Equal((1L, 1L), (other[0].Sequence, other[0].StreamVersion));
        Assert.Equal(["Headline f1", "Headline f2", "Headline f3"], (await log.ReadExerciseAsync(first)).Select(Headline));
        Assert.Equal(["Headline s1"], (await log.ReadStreamAsync(second, "exercise")).Select(Headline));
        Assert.Equal((3L, 1L), (await log.GetLastSequenceAsync(first), await log.GetLastSequenceAsync(second)));
    }

    [ContractFact]
    public async Task Events_survive_closing_and_reopening_the_log()
    {
        var exercise = NewExerciseId();
        var log = OpenLog();
        var before = await log.AppendAsync(exercise, "exercise", 0, "cmd", News("before-restart"));
        await CloseAsync(log);

        var reopened = OpenLog();
        Assert.Equal(before, await reopened.ReadExerciseAsync(exercise));
        var after = await reopened.AppendAsync(exercise, "exercise", 1, null, News("after-restart"));
        Assert.Equal((2L, 2L), (after[0].Sequence, after[0].StreamVersion));
        await Assert.ThrowsAsync<EventLogConcurrencyException>(() => reopened.AppendAsync(exercise, "exercise", 1, null, News("stale")));
    }

    [ContractFact]
    public async Task Two_independent_instances_never_both_win_the_same_version()
    {
        var (one, two) = (OpenLog(), OpenLog());
        var exercise = NewExerciseId();
        const int Rounds = 25;

        for (var round = 0; round < Rounds; round++)
        {
            var attempts = new[]
            {
                one.AppendAsync(exercise, "contested", round, null, News($"one-{round}")),
                two.AppendAsync(exercise, "contested", round, null, News($"two-{round}")),
                one.AppendAsync(exercise, $"one/{round}", 0, null, News($"side-one-{round}")),
                two.AppendAsync(exercise, $"two/{round}", 0, null, News($"side-two-{round}")),
            };
            await Task.WhenAll(attempts.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

            Assert.Equal(1, attempts.Take(2).Count(t => t.IsCompletedSuccessfully));
            Assert.IsType<EventLogConcurrencyException>(attempts.Take(2).Single(t => !t.IsCompletedSuccessfully).Exception!.InnerException);
            Assert.True(attempts[2].IsCompletedSuccessfully && attempts[3].IsCompletedSuccessfully);
        }

        var all = await one.ReadExerciseAsync(exercise);
        Assert.Equal(Enumerable.Range(1, 3 * Rounds).Select(i => (long)i), all.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, Rounds).Select(i => (long)i), (await two.ReadStreamAsync(exercise, "contested")).Select(r => r.StreamVersion));
    }

    [ContractFact]
    public async Task Bad_arguments_are_rejected_with_a_clear_error_and_write_nothing()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(exercise, "s", 0, null, []));
        Assert.Contains("at least one event", empty.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.AppendAsync(exercise, "s", -1, null, News("x")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync("", "s", 0, null, News("x")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(exercise, " ", 0, null, News("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(exercise, "s", 0, "", News("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(exercise, "s", 0, null, [NewsEvent("ok"), null!]));
        var untyped = await Assert.ThrowsAsync<InvalidOperationException>(
            () => log.AppendAsync(exercise, "s", 0, null, [NewsEvent("ok"), new PendingEvent(new UnnamedEvent(), Audience.Public)]));
        Assert.Contains("[EventType]", untyped.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.ReadExerciseAsync(exercise, afterSequence: -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.ReadExerciseAsync(exercise, maxCount: -1));

        Assert.Equal(0, await log.GetLastSequenceAsync(exercise));
    }

    [ContractFact]
    public async Task An_append_cancelled_before_it_starts_is_not_written()
    {
        var log = OpenLog();
        var exercise = NewExerciseId();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => log.AppendAsync(exercise, "s", 0, null, News("x"), cancelled.Token));

        Assert.Equal(0, await log.GetLastSequenceAsync(exercise));
    }

    /// <summary>A DomainEvent without [EventType]: the log must refuse it rather than store a name it cannot read.</summary>
    private sealed record UnnamedEvent : DomainEvent;
}
