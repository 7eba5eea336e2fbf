using System.Collections.Immutable;
using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;
using CrisisGrid.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>
/// Properties of the whole engine over random sessions played through the real grains and SQLite log:
/// replaying the log reproduces the live state; the same scenario, seed and commands give an identical log;
/// indices stay in range; a restart rebuilds exactly the same state.
/// </summary>
public class ReplayPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(12);

    private static async Task<(EngineDriver Driver, TempDirectory Dir)> Play(ImmutableArray<EngineStep> session, long seed)
    {
        var dir = new TempDirectory();
        var driver = new EngineDriver(await TestSilo.StartAsync(dir.File("log.db"), new ManualTimeProvider()));
        await driver.Create(EngineDriver.Sample("small-test"), seed);
        EngineDriver.Accepted(await driver.Exercise.Start(driver.Control()));
        foreach (var step in session)
        {
            await step.Run(driver);
        }

        return (driver, dir);
    }

    private static async Task Dispose((EngineDriver Driver, TempDirectory Dir) run)
    {
        await run.Driver.Silo.DisposeAsync();
        run.Dir.Dispose();
    }

    [Fact]
    public void Replaying_the_log_reproduces_the_live_state_of_every_grain_and_of_the_feed()
    {
        Prop.ForAll(Arb.From(EngineSteps.Session), session =>
        {
            var run = Play(session, 42).GetAwaiter().GetResult();
            try
            {
                var log = run.Driver.Log().GetAwaiter().GetResult();
                var replayed = WorldState.Replay(run.Driver.ExerciseId, log);
                var live = run.Driver.LiveState().GetAwaiter().GetResult();
                var feed = run.Driver.Feed.GetSnapshot(Participant.Facilitator).GetAwaiter().GetResult();
                var fromReplay = Snapshots.Build(replayed, Participant.Facilitator, log);
                return EngineDriver.Serialize(replayed) == live
                    && JsonSerializer.Serialize(feed, EventJson.Options) == JsonSerializer.Serialize(fromReplay, EventJson.Options);
            }
            finally
            {
                Dispose(run).GetAwaiter().GetResult();
            }
        }).Check(Runs);
    }

    [Fact]
    public void The_same_scenario_seed_and_commands_always_give_an_identical_log()
    {
        Prop.ForAll(Arb.From(EngineSteps.Session), Arb.From(Gen.Choose(0, int.MaxValue)), (session, seed) =>
        {
            var first = Play(session, seed).GetAwaiter().GetResult();
            var second = Play(session, seed).GetAwaiter().GetResult();
            try
            {
                var a = first.Driver.Log().GetAwaiter().GetResult();
                var b = second.Driver.Log().GetAwaiter().GetResult();
                return JsonSerializer.Serialize(a, EventJson.Options) == JsonSerializer.Serialize(b, EventJson.Options);
            }
            finally
            {
                Dispose(first).GetAwaiter().GetResult();
                Dispose(second).GetAwaiter().GetResult();
            }
        }).Check(Runs);
    }

    [Fact]
    public void Indices_and_relations_stay_within_0_to_100_whatever_happens()
    {
        Prop.ForAll(Arb.From(EngineSteps.Session), session =>
        {
            var run = Play(session, 7).GetAwaiter().GetResult();
            try
            {
                var world = WorldState.Replay(run.Driver.ExerciseId, run.Driver.Log().GetAwaiter().GetResult());
                return world.Nations.Values.All(n =>
                    Enum.GetValues<NationIndex>().All(i => n.Indices[i] is >= 0 and <= 100)
                    && n.Relations.Values.All(r => r.Trust is >= 0 and <= 100 && r.Tension is >= 0 and <= 100));
            }
            finally
            {
                Dispose(run).GetAwaiter().GetResult();
            }
        }).Check(Runs);
    }

    [Fact]
    public async Task Replay_to_any_sequence_number_gives_the_state_at_that_moment()
    {
        var session = EngineSteps.Session.Sample(40, 1).First();
        var run = await Play([.. session, new AdvanceStep(), new AdvanceStep(), new AdvanceStep()], 42);
        try
        {
            var log = await run.Driver.Log();
            var cut = log.Count / 2;
            var expected = WorldState.Replay(run.Driver.ExerciseId, log.Take(cut));
            var replayed = await run.Driver.Feed.GetSnapshotAt(Participant.Facilitator, Participant.Facilitator, cut);
            Assert.NotNull(replayed);
            Assert.Equal(cut, replayed.Sequence);
            Assert.Equal(
                JsonSerializer.Serialize(Snapshots.Build(expected, Participant.Facilitator, log.Take(cut)), EventJson.Options),
                JsonSerializer.Serialize(replayed, EventJson.Options));
            Assert.Null(await run.Driver.Feed.GetSnapshotAt(Participant.Team("ARD"), Participant.Team("ARD"), cut));
        }
        finally
        {
            await Dispose(run);
        }
    }
}
