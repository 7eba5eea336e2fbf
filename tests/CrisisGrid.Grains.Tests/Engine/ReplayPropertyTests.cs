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
using FsCheck.Xunit;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>
/// Properties of the whole engine over random sessions played through the real grains and SQLite log:
/// replaying the log reproduces the live state; the same scenario, seed and commands give an identical log;
/// indices stay in range; a restart rebuilds exactly the same state.
/// </summary>
public class ReplayPropertyTests
{
    // Each run starts a silo on a fresh SQLite log: a few runs per property keep the suite fast on two cores.
    private const int Runs = 12;

    private static async Task<(EngineDriver Driver, TempDirectory Dir)> Play(ImmutableArray<EngineStep> session, long seed)
    {
        var dir = new TempDirectory();
        var driver = new EngineDriver(await TestSilo.StartAsync(dir.File("log.db"), TestClock.Create()));
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

    [Property(MaxTest = Runs, Arbitrary = [typeof(DomainArbitraries)])]
    public async Task<bool> Replaying_the_log_reproduces_the_live_state_of_every_grain_and_of_the_feed(EngineSession session)
    {
        var run = await Play(session.Steps, 42);
        try
        {
            var log = await run.Driver.Log();
            var replayed = WorldState.Replay(run.Driver.ExerciseId, log);
            var live = await run.Driver.LiveState();
            var feed = await run.Driver.Feed.GetSnapshot(Participant.Facilitator);
            var fromReplay = Snapshots.Build(replayed, Participant.Facilitator, log);
            return EngineDriver.Serialize(replayed) == live
                && JsonSerializer.Serialize(feed, EventJson.Options) == JsonSerializer.Serialize(fromReplay, EventJson.Options);
        }
        finally
        {
            await Dispose(run);
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(DomainArbitraries)])]
    public async Task<bool> The_same_scenario_seed_and_commands_always_give_an_identical_log(EngineSession session, Seed seed)
    {
        var first = await Play(session.Steps, seed.Value);
        var second = await Play(session.Steps, seed.Value);
        try
        {
            var a = await first.Driver.Log();
            var b = await second.Driver.Log();
            return JsonSerializer.Serialize(a, EventJson.Options) == JsonSerializer.Serialize(b, EventJson.Options);
        }
        finally
        {
            await Dispose(first);
            await Dispose(second);
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(DomainArbitraries)])]
    public async Task<bool> Indices_and_relations_stay_within_0_to_100_whatever_happens(EngineSession session)
    {
        var run = await Play(session.Steps, 7);
        try
        {
            var world = WorldState.Replay(run.Driver.ExerciseId, await run.Driver.Log());
            return world.Nations.Values.All(n =>
                Enum.GetValues<NationIndex>().All(i => n.Indices[i] is >= 0 and <= 100)
                && n.Relations.Values.All(r => r.Trust is >= 0 and <= 100 && r.Tension is >= 0 and <= 100));
        }
        finally
        {
            await Dispose(run);
        }
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
