using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Adjudication;

/// <summary>Everything adjudication needs: each nation's state when its orders closed, and its orders.</summary>
[GenerateSerializer, Immutable]
public sealed record AdjudicationInput(int Turn, long Seed, long DrawsBefore, ImmutableArray<ClosedOrders> Nations);

[GenerateSerializer, Immutable]
public sealed record AdjudicationResult(ImmutableArray<Outcome> Outcomes, long DrawsAfter);

/// <summary>
/// Resolves a turn's orders simultaneously: every outcome is computed from the states at the close of orders, so
/// the order in which nations act gives no advantage. Nations are taken in code order and orders in the order given,
/// which fixes the sequence of random draws: the same input always gives the same outcomes. The effect sizes are
/// documented in docs/adjudication.md; a "resonance" roll scales most effects (muted ×0.5, normal, strong ×1.5).
/// </summary>
public static class Adjudicator
{
    public static AdjudicationResult Adjudicate(AdjudicationInput input)
    {
        var dice = new Dice(input.Seed, input.DrawsBefore);
        var world = input.Nations.ToDictionary(n => n.Nation.Code, n => n.Nation, StringComparer.Ordinal);
        var outcomes = ImmutableArray.CreateBuilder<Outcome>();
        foreach (var nation in input.Nations.OrderBy(n => n.Nation.Code, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var order in nation.Orders)
            {
                index++;
                outcomes.Add(Resolve(input.Turn, $"t{input.Turn}-{nation.Nation.Code}-{index}", nation.Nation, order, world, dice));
            }
        }

        return new AdjudicationResult(outcomes.ToImmutable(), dice.Position);
    }

    private static Outcome Resolve(int turn, string outcomeId, NationState actor, Order order, Dictionary<string, NationState> world, Dice dice)
    {
        var effects = new OutcomeBuilder(actor.Code);
        var context = new ActionContext(actor, world, dice, effects);
        var (success, summary) = order.Action switch
        {
            PublicStatement s => context.Statement(s),
            Mobilise => context.Mobilise(),
            StandDown => context.StandDown(),
            DeployForces d => context.Deploy(d),
            JointExercise j => context.JointExercise(j),
            ImposeSanctions s => context.ImposeSanctions(s.Nation),
            LiftSanctions s => context.LiftSanctions(s.Nation),
            HumanitarianAid h => context.HumanitarianAid(h.Recipient),
            ShareIntelligence i => context.ShareIntelligence(i.Recipient),
            CyberOperation c => context.Cyber(c.Nation),
            Hold => (true, $"{actor.Name} held its position."),
            JointDeployment j => context.JointDeployment(j),
            CollectiveStatement c => context.CollectiveStatement(c),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Action.GetType().Name, "Unknown action."),
        };
        string Name(string code) => world.TryGetValue(code, out var n) ? n.Name : code;
        var built = effects.Build(nation => ChangeCauses.Order(nation, actor.Code, order.Action, effects.WhoActed, Name));
        return new Outcome(outcomeId, turn, actor.Code, order.OrderId, order.Action, success, summary, dice.TakeRolls(), built, effects.Report);
    }
}
