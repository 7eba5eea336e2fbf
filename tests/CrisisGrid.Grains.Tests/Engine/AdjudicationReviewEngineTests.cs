using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Exercises.AdjudicationReview;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>Review before release on real Orleans: the held turn outlasts deadlines and restarts, and releases once.</summary>
public sealed class AdjudicationReviewEngineTests : EngineTest
{
    // Every phase has a real-time deadline, so anything that could move the clock past the queue would.
    private static ScenarioDefinition ReviewedWithDeadlines() => EngineDriver.Sample("small-test") is var s
        ? s with { Clock = s.Clock with { ReviewAdjudications = true, Deadlines = new PhaseDeadlines(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5)) } }
        : throw new InvalidOperationException();

    [Fact]
    public async Task Held_results_wait_through_deadlines_and_a_restart_and_reach_the_nations_only_on_release()
    {
        await Driver.Create(ReviewedWithDeadlines());
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.Advance(); // orders
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        var borovia = (await Driver.Nation("BOR").GetState()).Indices.Economy;
        await Driver.Advance(); // orders close: the turn is adjudicated and held

        var held = await Driver.Exercise.GetState();
        Assert.True(held.AwaitingRelease);
        Assert.Null(held.DeadlineAt);
        Driver.Silo.Time.Advance(TimeSpan.FromHours(6));
        Driver.Silo = await Driver.Silo.RestartAsync();

        var after = await Driver.Exercise.GetState();
        Assert.Equal((1, TurnPhase.Adjudication, 1), (after.Turn, after.Phase, after.Queue!.PendingCount));
        Assert.Equal(borovia, (await Driver.Nation("BOR").GetState()).Indices.Economy); // nothing delivered while held
        Assert.DoesNotContain(await Driver.Log(), e => e.Event is OutcomeReported);

        EngineDriver.Accepted(await Driver.Exercise.ReviewOutcome(Driver.Control(), new ReviewOutcome("t1-ARD-1", OutcomeVerdict.Amend, "A smaller bite",
            [NationDelta.None("BOR").AddIndex(NationIndex.Economy, -2)])));
        EngineDriver.Accepted(await Driver.Exercise.ReleaseResults(Driver.Control(), new ReleaseResults(1)));

        var released = await Driver.Exercise.GetState();
        Assert.Equal((TurnPhase.Results, false), (released.Phase, released.AwaitingRelease));
        Assert.Empty(released.Outbox); // delivered before the release was acknowledged
        Assert.Equal(borovia - 2, (await Driver.Nation("BOR").GetState()).Indices.Economy);
        Assert.Single(await Driver.Log(), e => e.Event is OutcomeReported { Nation: "ARD" });
    }
}
