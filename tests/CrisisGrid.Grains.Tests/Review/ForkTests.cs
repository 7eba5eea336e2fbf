using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Tests.Review;

/// <summary>Forking at event N (issue 7): a separate exercise whose state at N is the original's, recorded in both logs.</summary>
public sealed class ForkTests : EngineTest
{
    private const string ForkId = "exercise-1-fork";

    private async Task<IReadOnlyList<RecordedEvent>> PlayTwoTurns()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        EngineDriver.Accepted(await Driver.Order("BOR", new Mobilise()));
        await Driver.AdvanceTo(2, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new Hold()));
        await Driver.AdvanceTo(3, TurnPhase.Planning);
        return await Driver.Log();
    }

    private static string Comparable(WorldState world) =>
        JsonSerializer.Serialize(new { exercise = world.Exercise with { Id = "" }, world.Nations, world.Alliances }, EventJson.Options);

    [Fact]
    public async Task A_forks_state_at_N_equals_the_originals_state_at_N_and_the_fork_is_recorded_in_both_logs()
    {
        var original = await PlayTwoTurns();
        var at = original.Single(e => e.Event is TurnStarted { Turn: 2 }).Sequence + 3;

        var forked = EngineDriver.Accepted(await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(ForkId, at, Seed: 7)));
        Assert.Equal(ForkId, forked.Output);

        var log = Driver.Silo.Services.GetService(typeof(IEventLog)) as IEventLog;
        var forkLog = await log!.ReadExerciseAsync(ForkId);
        Assert.Equal(
            Comparable(WorldState.Replay(Driver.ExerciseId, original.Take((int)at))),
            Comparable(WorldState.Replay(ForkId, forkLog.Take((int)at))));
        var forkedFrom = Assert.IsType<ForkedFrom>(forkLog[(int)at].Event);
        Assert.Equal((Driver.ExerciseId, at, 7L), (forkedFrom.SourceExerciseId, forkedFrom.AtSequence, forkedFrom.Seed));

        // The original is untouched up to its end, and records the fork after it.
        var after = await Driver.Log();
        Assert.Equal(original.Select(e => e.Sequence), after.Take(original.Count).Select(e => e.Sequence));
        var record = Assert.IsType<ExerciseForked>(after[^1].Event);
        Assert.Equal((ForkId, at), (record.ForkId, record.AtSequence));
        Assert.Equal(AudienceKind.Control, after[^1].Audience.Kind);
        Assert.Equal(3, (await Driver.Exercise.GetState()).Turn);
    }

    [Fact]
    public async Task A_fork_starts_paused_and_plays_on_with_its_own_seed_while_the_original_stays_where_it_was()
    {
        var original = await PlayTwoTurns();
        var at = original.Single(e => e.Event is PhaseChanged { Turn: 2, Phase: TurnPhase.Orders }).Sequence;
        EngineDriver.Accepted(await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(ForkId, at, "What if BOR had talked", Seed: 99)));

        var fork = new EngineDriver(Driver.Silo, ForkId);
        var state = await fork.Exercise.GetState();
        Assert.Equal((ExerciseStatus.Paused, 2, TurnPhase.Orders, 99L, 0L, "What if BOR had talked"), (state.Status, state.Turn, state.Phase, state.Seed, state.Draws, state.Name));

        EngineDriver.Accepted(await fork.Exercise.Resume(fork.Control()));
        EngineDriver.Accepted(await fork.Order("BOR", new PublicStatement(StatementTone.Conciliatory, "Let us talk.", "ARD")));
        await fork.AdvanceTo(3, TurnPhase.Planning);
        var forkState = await fork.Exercise.GetState();
        Assert.Contains("t2-BOR-1", forkState.Outcomes.Keys);
        Assert.DoesNotContain("t2-BOR-1", (await Driver.Exercise.GetState()).Outcomes.Keys);
        Assert.Contains(ForkId, (await Driver.Silo.Grains.GetGrain<Catalog.IExerciseCatalogGrain>(Catalog.ExerciseCatalog.Key).GetEntries()).Select(e => e.ExerciseId));
    }

    [Fact]
    public async Task A_fork_is_refused_for_teams_for_an_event_not_in_the_log_and_for_an_id_that_exists()
    {
        var original = await PlayTwoTurns();
        var team = await Driver.Exercise.Fork(Driver.Command(Participant.Team("ARD")), new ForkExercise(ForkId, 5));
        Assert.Equal("forbidden", team.Rejection!.Code);
        var beyond = await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(ForkId, original.Count + 1));
        Assert.Equal(("invalid-argument", "atSequence"), (beyond.Rejection!.Code, beyond.Rejection.Field));
        var itself = await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(Driver.ExerciseId, 5));
        Assert.Equal("forkId", itself.Rejection!.Field);

        EngineDriver.Accepted(await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(ForkId, 5)));
        var again = await Driver.Exercise.Fork(Driver.Control(), new ForkExercise(ForkId, 6));
        Assert.Equal("invalid-state", again.Rejection!.Code);
        Assert.Equal(original.Count + 1, (await Driver.Log()).Count); // only the first fork is recorded
    }

    [Fact]
    public async Task Teams_replay_only_their_own_view_until_control_reveals_the_archive_after_the_exercise()
    {
        await PlayTwoTurns();
        var ard = Participant.Team("ARD");
        Assert.Equal("invalid-state", (await Driver.Exercise.RevealArchive(Driver.Control())).Rejection!.Code);
        EngineDriver.Accepted(await Driver.Exercise.End(Driver.Control(), new EndExercise("Time is up.")));
        EngineDriver.Accepted(await Driver.Exercise.OpenReview(Driver.Control()));

        Assert.NotNull(await Driver.Feed.GetSnapshotAt(ard, ard, 20));
        Assert.Null(await Driver.Feed.GetSnapshotAt(ard, Participant.Team("BOR"), 20));
        Assert.Null(await Driver.Feed.GetReviewSeries(ard));
        Assert.NotNull(await Driver.Feed.GetReviewSeries(Participant.Observer));

        Assert.Equal("forbidden", (await Driver.Exercise.RevealArchive(Driver.Command(ard))).Rejection!.Code);
        EngineDriver.Accepted(await Driver.Exercise.RevealArchive(Driver.Control()));
        Assert.Null(await Driver.Feed.CheckArchiveAccess(ard));
        Assert.NotNull(await Driver.Feed.GetSnapshotAt(ard, Participant.Team("BOR"), 20));
        Assert.NotNull(await Driver.Feed.GetTurnSummaries(ard));
    }
}
