using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Tests.Review;

/// <summary>
/// The review's chart series and turn summaries are pure functions of the log: every value they draw is what a
/// replay of the log to that moment says, and every order, missed order, override and decision of the exercise is in
/// them. The log comes from small-test played through the real grains.
/// </summary>
public sealed class ReviewSeriesTests : EngineTest
{
    private async Task<IReadOnlyList<Events.RecordedEvent>> PlayThreeTurns()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        EngineDriver.Accepted(await Driver.Order("BOR", new Mobilise()));
        await Driver.AdvanceTo(2, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new PublicStatement(StatementTone.Hostile, "Enough.", "BOR"))); // BOR misses turn 2
        await Driver.AdvanceTo(2, TurnPhase.Results);
        EngineDriver.Accepted(await Driver.Exercise.AdjustNation(
            Driver.Control(),
            new AdjustNation(NationDelta.None("CAL").AddIndex(NationIndex.Economy, -7), "Markets react to the border crisis.")));
        await Driver.AdvanceTo(3, TurnPhase.Planning);
        return await Driver.Log();
    }

    [Fact]
    public async Task Every_sampled_index_relation_and_cohesion_equals_the_replay_of_the_log_to_that_point()
    {
        var log = await PlayThreeTurns();
        var series = ReviewSeriesBuilder.From(Driver.ExerciseId, log);

        Assert.Equal(log[^1].Sequence, series.Sequence);
        Assert.Equal(log[^1].Sequence, series.Points[^1].Sequence);
        Assert.Equal(["ARD", "BOR", "CAL", "DUN"], series.Nations.Select(n => n.Nation));
        Assert.Contains(series.Points, p => p.Turn == 3);
        for (var i = 0; i < series.Points.Length; i++)
        {
            var world = WorldState.Replay(Driver.ExerciseId, log.Take((int)series.Points[i].Sequence));
            Assert.Equal(world.Exercise.Turn, series.Points[i].Turn);
            foreach (var nation in series.Nations)
            {
                Assert.Equal(world.Nations[nation.Nation].Indices, nation.Values[i]);
            }

            foreach (var relation in series.Relations)
            {
                Assert.Equal(world.Nations[relation.From].RelationWith(relation.To).Tension, relation.Tension[i]);
                Assert.Equal(world.Nations[relation.From].RelationWith(relation.To).Trust, relation.Trust[i]);
            }

            Assert.Equal(Grains.Alliances.AllianceCohesion.Compute(world.Alliances["NCP"]).Index, series.Cohesion.Single().Values[i]);
        }
    }

    [Fact]
    public async Task Orders_per_turn_missed_orders_overrides_and_injects_are_counted_and_marked()
    {
        var log = await PlayThreeTurns();
        var series = ReviewSeriesBuilder.From(Driver.ExerciseId, log);

        var turn1 = series.Orders.Single(o => o.Turn == 1);
        Assert.Equal(1, turn1.Orders["ARD"]);
        Assert.Equal(1, turn1.Orders["BOR"]);
        var turn2 = series.Orders.Single(o => o.Turn == 2);
        Assert.Equal(1, turn2.Orders["ARD"]);
        Assert.Equal(["BOR"], turn2.Missed.ToArray());

        var adjusted = Assert.Single(series.Overrides);
        Assert.Equal(("CAL", "Markets react to the border crisis.", 2), (adjusted.Nation, adjusted.Reason, adjusted.Turn));

        var released = log.Where(e => e.Event is InjectReleased).ToList();
        Assert.NotEmpty(released);
        Assert.Equal(
            released.Select(e => (e.Sequence, ((InjectReleased)e.Event).Inject.Title)),
            series.Markers.Where(m => m.Kind == ReviewMarkerKind.Inject).Select(m => (m.Sequence, m.Label)));
        Assert.Contains(series.Markers, m => m.Kind == ReviewMarkerKind.Override && m.Sequence == adjusted.Sequence);
    }

    [Fact]
    public async Task A_turn_summary_lists_the_orders_with_their_outcomes_what_happened_and_the_largest_index_moves()
    {
        var log = await PlayThreeTurns();
        var turns = TurnSummaryBuilder.From(Driver.ExerciseId, log);

        Assert.Equal([0, 1, 2, 3], turns.Select(t => t.Turn));
        var turn1 = turns[1];
        Assert.Equal(["ARD imposeSanctions BOR", "BOR mobilise "], turn1.Orders.Select(o => $"{o.Nation} {o.Action} {o.Target}"));
        Assert.All(turn1.Orders, o => Assert.NotNull(o.Success));
        Assert.Contains(turns[2].Happened, h => h == "BOR missed the orders deadline and held");
        Assert.Contains(turns[2].Happened, h => h.Contains("Markets react to the border crisis.", StringComparison.Ordinal));
        Assert.Contains(turns[2].Happened, h => h.StartsWith("Inject: ", StringComparison.Ordinal));

        // "Changed most" is the largest moves between the turn's first event and the next turn's first event.
        var start = WorldState.Replay(Driver.ExerciseId, log.Take((int)turn1.FirstSequence));
        var end = WorldState.Replay(Driver.ExerciseId, log.Take((int)turns[2].FirstSequence));
        var expected = end.Nations.Values
            .SelectMany(n => Enum.GetValues<NationIndex>().Select(i => (n.Code, i, Delta: n.Indices[i] - start.Nations[n.Code].Indices[i])))
            .Where(c => c.Delta != 0)
            .Select(c => Math.Abs(c.Delta))
            .OrderDescending()
            .Take(TurnSummaryBuilder.ChangedMostCount);
        Assert.NotEmpty(turn1.ChangedMost);
        Assert.Equal(expected, turn1.ChangedMost.Select(c => Math.Abs(c.Delta)));
        Assert.All(turn1.ChangedMost, c => Assert.Equal(end.Nations[c.Nation].Indices[c.Index], c.To));
    }

    [Fact]
    public void Turn_summaries_and_series_of_an_empty_log_are_empty_not_an_error()
    {
        var series = ReviewSeriesBuilder.From("empty", []);
        Assert.Empty(series.Nations);
        Assert.Equal(0, series.Sequence);
        var turns = TurnSummaryBuilder.From("empty", []);
        Assert.Equal(0, Assert.Single(turns).Turn);
        Assert.Empty(turns[0].Orders);
    }
}
