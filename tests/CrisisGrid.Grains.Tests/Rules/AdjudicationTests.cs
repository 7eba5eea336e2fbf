using System.Collections.Immutable;
using System.Text.Json;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using FsCheck.Xunit;
using Outcome = CrisisGrid.Grains.Adjudication.Outcome;

namespace CrisisGrid.Grains.Tests.Rules;

public class AdjudicationTests
{
    private static ImmutableArray<ClosedOrders> World(params (string Code, NationAction[] Actions)[] orders) =>
        [.. Generators.Codes.Select(code =>
        {
            var actions = orders.FirstOrDefault(o => o.Code == code).Actions ?? [];
            var state = Generators.Initialized(code);
            return new ClosedOrders(1, state, [.. actions.Select((a, i) => new Order($"o{i + 1}", 1, a, ActionCatalog.Cost(a)))]);
        })];

    private static AdjudicationResult Adjudicate(ImmutableArray<ClosedOrders> world, long seed = 7, long draws = 0) =>
        Adjudicator.Adjudicate(new AdjudicationInput(1, seed, draws, world));

    private static NationDelta EffectOn(Outcome outcome, string nation) =>
        outcome.Effects.Single(e => e.Delta.Nation == nation).Delta;

    [Fact]
    public void Sanctions_cut_the_targets_economy_by_four_to_nine_and_cost_the_sanctioner()
    {
        var outcome = Assert.Single(Adjudicate(World(("NOR", [new ImposeSanctions("RUS")]))).Outcomes);
        var bite = -EffectOn(outcome, "RUS").Indices[NationIndex.Economy];
        Assert.InRange(bite, 4, 9);
        Assert.Equal(4 + (int)Math.Floor(outcome.Rolls[0] * 6), bite);
        Assert.Equal(-2, EffectOn(outcome, "NOR").Indices[NationIndex.Economy]);
        Assert.Contains("RUS", EffectOn(outcome, "NOR").SanctionsImposed!);
        Assert.Equal(new RelationChange("NOR", -8, 10), EffectOn(outcome, "RUS").Relations["NOR"]);
        Assert.NotNull(outcome.Report);
    }

    [Fact]
    public void Mobilisation_raises_readiness_and_alarms_every_other_nation()
    {
        var outcome = Assert.Single(Adjudicate(World(("EST", [new Mobilise()]))).Outcomes);
        Assert.Equal(15, EffectOn(outcome, "EST").Indices[NationIndex.Readiness]);
        Assert.True(EffectOn(outcome, "EST").Posture!.Mobilised);
        Assert.All(["NOR", "RUS", "SWE"], code => Assert.True(EffectOn(outcome, code).Relations["EST"].Tension > 0));
    }

    [Fact]
    public void A_cyber_operation_succeeds_exactly_when_its_roll_is_under_the_computed_chance()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var outcome = Assert.Single(Adjudicate(World(("RUS", [new CyberOperation("EST")])), seed).Outcomes);
            var rus = Generators.Initialized("RUS").Indices;
            var est = Generators.Initialized("EST").Indices;
            var chance = Math.Clamp(0.35 + ((rus.MilitaryStrength + rus.Readiness - (2 * est.Readiness)) / 400.0), 0.1, 0.9);
            Assert.Equal(outcome.Rolls[0] < chance, outcome.Success);
            var economy = outcome.Effects.FirstOrDefault(e => e.Delta.Nation == "EST")?.Delta.Indices.GetValueOrDefault(NationIndex.Economy) ?? 0;
            Assert.Equal(outcome.Success ? -6 : 0, economy);
        }
    }

    [Fact]
    public void Hold_changes_nothing_and_uses_no_dice()
    {
        var result = Adjudicate(World(("NOR", [new Hold()])), draws: 10);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Empty(outcome.Effects);
        Assert.Empty(outcome.Rolls);
        Assert.Equal(10, result.DrawsAfter);
    }

    [Fact]
    public void Outcome_ids_name_the_turn_the_nation_and_the_order_position()
    {
        var result = Adjudicate(World(("NOR", [new Mobilise(), new ShareIntelligence("EST")]), ("EST", [new Hold()])));
        Assert.Equal(["t1-EST-1", "t1-NOR-1", "t1-NOR-2"], result.Outcomes.Select(o => o.OutcomeId));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_the_same_input_always_gives_the_same_outcomes(TurnOrders world, Seed seed)
    {
        var first = JsonSerializer.Serialize(Adjudicate(world.Orders, seed.Value), EventJson.Options);
        var second = JsonSerializer.Serialize(Adjudicate(world.Orders, seed.Value), EventJson.Options);
        return first == second;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_the_order_in_which_nations_are_listed_does_not_matter(TurnOrders world, Seed seed)
    {
        var forward = JsonSerializer.Serialize(Adjudicate(world.Orders, seed.Value), EventJson.Options);
        var backward = JsonSerializer.Serialize(Adjudicate([.. world.Orders.Reverse()], seed.Value), EventJson.Options);
        return forward == backward;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_the_random_stream_advances_by_exactly_the_rolls_recorded(TurnOrders world, DrawsSoFar before)
    {
        var result = Adjudicate(world.Orders, 3, before.Value);
        return result.DrawsAfter == before.Value + result.Outcomes.Sum(o => o.Rolls.Length);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_indices_and_relations_stay_in_range_whatever_the_outcomes(TurnOrders world, Seed seed)
    {
        var result = Adjudicate(world.Orders, seed.Value);
        var states = world.Orders.ToDictionary(w => w.Nation.Code, w => w.Nation);
        foreach (var effect in result.Outcomes.SelectMany(o => o.Effects))
        {
            states[effect.Delta.Nation] = NationEvolve.ApplyDelta(states[effect.Delta.Nation], effect.Delta);
        }

        return states.Values.All(InRange);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Property_any_sequence_of_changes_keeps_every_index_and_relation_within_0_to_100(NationChanges changes) =>
        InRange(changes.Deltas.Aggregate(changes.Start, NationEvolve.ApplyDelta));

    private static bool InRange(NationState nation) =>
        Enum.GetValues<NationIndex>().All(i => nation.Indices[i] is >= 0 and <= 100)
        && nation.Relations.Values.All(r => r.Trust is >= 0 and <= 100 && r.Tension is >= 0 and <= 100);
}
