using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Review.Checkpoints;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace CrisisGrid.Grains.Tests.Review;

/// <summary>
/// Persisted review checkpoints (issue 7: a long exercise's review opens fast) are a cache of the log: whatever is
/// read through them — a replay as any viewer at any event, the charts, the turn summaries, each viewer's numbering —
/// equals the fold of the log itself. The log is small-test played through the real grains, on SQLite.
/// </summary>
public sealed class ReviewCheckpointTests : EngineTest
{
    // Small enough that a three-turn log crosses many checkpoints (the product uses 1,024).
    private const int Interval = 8;

    private static readonly Participant[] Viewers = [Participant.Team("ARD"), Participant.Team("BOR"), Participant.Facilitator, Participant.Observer];

    private async Task<IReadOnlyList<RecordedEvent>> PlayThreeTurnsAndOpenTheReview()
    {
        await PlayThreeTurns();
        return await EndAndOpenTheReview();
    }

    private async Task<IReadOnlyList<RecordedEvent>> EndAndOpenTheReview()
    {
        EngineDriver.Accepted(await Driver.Exercise.End(Driver.Control(), new EndExercise("Time is up.")));
        EngineDriver.Accepted(await Driver.Exercise.OpenReview(Driver.Control()));
        return await Driver.Log();
    }

    private async Task<IReadOnlyList<RecordedEvent>> PlayThreeTurns()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        EngineDriver.Accepted(await Driver.Order("BOR", new Mobilise()));
        await Driver.AdvanceTo(2, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new PublicStatement(StatementTone.Hostile, "Enough.", "BOR")));
        await Driver.AdvanceTo(2, TurnPhase.Results);
        EngineDriver.Accepted(await Driver.Exercise.AdjustNation(
            Driver.Control(),
            new AdjustNation(NationDelta.None("CAL").AddIndex(NationIndex.Economy, -7), "Markets react to the border crisis.")));
        await Driver.AdvanceTo(3, TurnPhase.Planning);
        return await Driver.Log();
    }

    private Serializer Serializer => Driver.Silo.Services.GetRequiredService<Serializer>();

    private IReviewCheckpointStore Store => Driver.Silo.Services.GetRequiredService<IReviewCheckpointStore>();

    private ReviewCheckpoints Checkpoints(string exerciseId) => new(Store, Serializer, exerciseId, NullLogger.Instance);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EventJson.Options);

    [Fact]
    public async Task A_replay_from_persisted_checkpoints_equals_the_full_fold_at_every_event_as_every_viewer()
    {
        var log = await PlayThreeTurnsAndOpenTheReview();
        var last = log[^1].Sequence;
        Assert.True(last > 10 * Interval, $"The log has {last} events; the test needs many checkpoints.");

        // Persist the world at every 8th event, as the feed does every 1,024th.
        var worlds = new List<WorldState>();
        var world = WorldState.Empty(Driver.ExerciseId);
        foreach (var recorded in log)
        {
            world = world.Apply(recorded);
            if (world.Sequence % Interval == 0)
            {
                worlds.Add(world);
            }
        }

        var stored = Checkpoints(Driver.ExerciseId);
        await stored.Save(worlds, feed: null);

        // A fresh archive has no checkpoint in memory: every seek starts from one read back from the database.
        var eventLog = Driver.Silo.Services.GetRequiredService<IEventLog>();
        var archive = new ReviewArchive(eventLog, Driver.ExerciseId, Interval, stored.LoadWorld);
        for (var n = last; n >= 0; n--)
        {
            var upToN = log.Take((int)n).ToList();
            var expectedWorld = WorldState.Replay(Driver.ExerciseId, upToN);
            foreach (var viewer in Viewers)
            {
                Assert.Equal(Json(Snapshots.Build(expectedWorld, viewer, upToN)), Json(await archive.At(viewer, n, last)));
            }
        }

        Assert.Equal(worlds.Count, archive.Checkpoints.Count);
    }

    [Fact]
    public async Task A_projection_restored_from_a_stored_checkpoint_and_folded_on_equals_the_fold_of_the_whole_log_at_every_split()
    {
        var log = await PlayThreeTurnsAndOpenTheReview();
        var whole = FeedProjection.Empty(Driver.ExerciseId);
        foreach (var recorded in log)
        {
            whole.Fold(recorded);
        }

        var expected = Comparable(whole, log[^1].Sequence);
        var folded = FeedProjection.Empty(Driver.ExerciseId);
        for (var split = 0; split <= log.Count; split++)
        {
            // The checkpoint goes through the serializer and the database, as the feed's does.
            var checkpoints = Checkpoints($"split-{split}");
            await checkpoints.Save([], folded.ToCheckpoint());
            var restored = FeedProjection.Restore(Assert.IsType<FeedCheckpoint>(await checkpoints.LoadFeed(long.MaxValue)));
            Assert.Equal(split, restored.World.Sequence);
            foreach (var recorded in log.Skip(split))
            {
                restored.Fold(recorded);
            }

            Assert.Equal(expected, Comparable(restored, log[^1].Sequence));
            if (split < log.Count)
            {
                folded.Fold(log[split]);
            }
        }
    }

    [Fact]
    public async Task A_restarted_feed_carries_on_from_its_persisted_projection_without_refolding_the_log()
    {
        var log = await PlayThreeTurns();
        var last = log[^1].Sequence;
        var before = await FeedAnswers(last);

        var reads = new List<(long After, long? UpTo)>();
        Driver.Silo = await Driver.Silo.RestartAsync(services => RecordReads(services, reads));

        Assert.Equal(before, await FeedAnswers(last));
        Assert.DoesNotContain((0L, (long?)null), reads);
        var feed = await Store.LoadLatestAsync(Driver.ExerciseId, ReviewCheckpoints.FeedKind, long.MaxValue, ReviewCheckpoints.Format);
        Assert.Equal(last, feed?.Sequence);

        // And it folds on: what follows (news, the end, the review opening) is in its answers as in a fold of the whole log.
        EngineDriver.Accepted(await Driver.Exercise.PublishNews(Driver.Control(), new PublishNews("Ceasefire holds", "Quiet on the border.")));
        var longer = await EndAndOpenTheReview();
        Assert.Equal(Json(TurnSummaryBuilder.From(Driver.ExerciseId, longer)), Json(await Driver.Feed.GetTurnSummaries(Participant.Facilitator)));
        Assert.Equal(Json(ReviewSeriesBuilder.From(Driver.ExerciseId, longer)), Json(await Driver.Feed.GetReviewSeries(Participant.Facilitator)));
        var whole = FeedProjection.Empty(Driver.ExerciseId);
        foreach (var recorded in longer)
        {
            whole.Fold(recorded);
        }

        foreach (var viewer in Viewers)
        {
            Assert.Equal(whole.Numbering.PositionAt(viewer, longer[^1].Sequence), await Driver.Feed.PositionAt(viewer, longer[^1].Sequence));
            Assert.Equal(Json(Snapshots.BuildNumbered(whole.World, viewer, whole.Numbering, longer.TakeLast(4096))), Json(await Driver.Feed.GetSnapshot(viewer)));
        }
    }

    [Fact]
    public async Task A_checkpoint_written_by_other_rules_is_ignored_and_the_log_is_folded_instead()
    {
        var log = await PlayThreeTurnsAndOpenTheReview();
        var last = log[^1].Sequence;
        var expected = await FeedAnswers(last);

        // A projection of nothing, stored as if by another build at the log's end: trusting it would lose the exercise.
        var wrong = FeedProjection.Empty(Driver.ExerciseId).ToCheckpoint() with { World = WorldState.Empty(Driver.ExerciseId) with { Sequence = last } };
        Driver.Silo = await Driver.Silo.RestartAsync();
        await Store.SaveAsync(Driver.ExerciseId, [new ReviewCheckpoint(ReviewCheckpoints.FeedKind, last, "another-build", Serializer.SerializeToArray(wrong), ReplacesEarlier: true)]);

        Assert.Equal(expected, await FeedAnswers(last));
    }

    private async Task<string> FeedAnswers(long last)
    {
        var feed = Driver.Feed;
        var snapshots = new List<ExerciseSnapshot?>();
        foreach (var viewer in Viewers)
        {
            snapshots.Add(await feed.GetSnapshot(viewer));
            snapshots.Add(await feed.GetSnapshotAt(Participant.Facilitator, viewer, last / 2));
        }

        var positions = new List<long>();
        foreach (var viewer in Viewers)
        {
            positions.Add(await feed.PositionAt(viewer, last));
        }

        return Json(new
        {
            snapshots,
            series = await feed.GetReviewSeries(Participant.Facilitator),
            turns = await feed.GetTurnSummaries(Participant.Facilitator),
            positions,
        });
    }

    private static string Comparable(FeedProjection projection, long last) => Json(new
    {
        world = projection.World,
        series = projection.Series.Build(),
        turns = projection.Turns.Build(),
        positions = Viewers.Select(v => Enumerable.Range(0, (int)last + 1).Select(n => projection.Numbering.PositionAt(v, n)).ToList()).ToList(),
        projection.Numbering.ReviewOpenedAt,
    });

    private static void RecordReads(IServiceCollection services, List<(long After, long? UpTo)> reads)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IEventLog));
        services.Remove(inner);
        services.AddSingleton<IEventLog>(sp => new ReadRecordingLog((IEventLog)inner.ImplementationFactory!(sp), reads));
    }

    /// <summary>The silo's log, noting every exercise range read (what a refold from the first event would show).</summary>
    private sealed class ReadRecordingLog(IEventLog inner, List<(long After, long? UpTo)> reads) : IEventLog, IAsyncDisposable
    {
        public Task<IReadOnlyList<RecordedEvent>> AppendAsync(string exerciseId, string stream, long expectedVersion, string? commandId, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(exerciseId, stream, expectedVersion, commandId, events, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string exerciseId, string stream, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(exerciseId, stream, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadExerciseAsync(string exerciseId, long afterSequence = 0, long? upToSequence = null, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
        {
            lock (reads)
            {
                reads.Add((afterSequence, upToSequence));
            }

            return inner.ReadExerciseAsync(exerciseId, afterSequence, upToSequence, maxCount, cancellationToken);
        }

        public Task<long> GetLastSequenceAsync(string exerciseId, CancellationToken cancellationToken = default) => inner.GetLastSequenceAsync(exerciseId, cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
