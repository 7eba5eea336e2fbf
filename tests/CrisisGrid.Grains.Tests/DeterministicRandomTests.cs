using CrisisGrid.Grains.Infrastructure;

namespace CrisisGrid.Grains.Tests;

public class DeterministicRandomTests
{
    [Fact]
    public void Same_seed_stream_and_draw_give_the_same_number()
    {
        Assert.Equal(DeterministicRandom.NextUnit(42, "exercise", 7), DeterministicRandom.NextUnit(42, "exercise", 7));
    }

    [Fact]
    public void Different_draws_differ_and_stay_in_the_unit_interval()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => DeterministicRandom.NextUnit(42, "exercise", i)).ToList();
        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999999));
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.InRange(values.Average(), 0.48, 0.52);
    }

    [Fact]
    public void Streams_and_seeds_are_independent()
    {
        Assert.NotEqual(DeterministicRandom.NextUnit(42, "a", 0), DeterministicRandom.NextUnit(42, "b", 0));
        Assert.NotEqual(DeterministicRandom.NextUnit(42, "a", 0), DeterministicRandom.NextUnit(43, "a", 0));
    }
}
