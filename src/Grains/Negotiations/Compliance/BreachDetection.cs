using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Breach detection as one pure function: the clauses of an agreement in force × a turn's adjudicated orders →
/// breaches and kept measures. An order counts whether or not it succeeded — attempting a cyber operation under a
/// ceasefire breaks it. <paramref name="turnsServed"/> counts this turn, so a sanctions-relief clause "within 2 turns"
/// is checked at the second adjudication after entry into force.
/// </summary>
public static class BreachDetection
{
    public sealed record Findings(ImmutableArray<Breach> Breaches, ImmutableArray<MeasureKept> Kept);

    public static Findings Detect(NegotiationDefinition definition, TextVersion agreement, int turnsServed, AdjudicatedTurn adjudicated)
    {
        var breaches = ImmutableArray.CreateBuilder<Breach>();
        var kept = ImmutableArray.CreateBuilder<MeasureKept>();
        var turn = adjudicated.Turn;

        void Breach(Clause clause, string violator, string? orderId, string description) =>
            breaches.Add(new Breach(
                $"t{turn}-{clause.Id}-{violator}-{orderId ?? "kept"}", turn, clause.Id, violator, orderId, description,
                BreachStatus.Reported, null, NegotiationEffects.Breach(definition, violator)));

        foreach (var outcome in adjudicated.Outcomes.IsDefault ? [] : adjudicated.Outcomes)
        {
            foreach (var clause in agreement.Clauses)
            {
                var actor = outcome.Actor;
                var action = outcome.Action;
                switch (clause)
                {
                    case CeasefireClause c when c.Nations.Contains(actor) && Hostile(action) is { } hostile && c.Nations.Contains(action.TargetNation()!) && action.TargetNation() != actor:
                        Breach(c, actor, outcome.OrderId, $"{actor}: {hostile} {action.TargetNation()} under the ceasefire");
                        break;
                    case WithdrawalLineClause c when actor == c.Nation && Deploys(action, c.From):
                        Breach(c, actor, outcome.OrderId, $"{actor} deployed forces to {c.From} past the withdrawal line");
                        break;
                    case SanctionsReliefClause c when actor == c.Nation && action is ImposeSanctions s && s.Nation == c.On:
                        Breach(c, actor, outcome.OrderId, $"{actor} imposed new sanctions on {c.On} against the sanctions relief");
                        break;
                    case ConfidenceBuildingClause { Measure: ConfidenceMeasure.AdvanceNoticeOfExercises } c when c.Nations.Contains(actor) && action is JointExercise j:
                        if (j.Announced)
                        {
                            kept.Add(new MeasureKept(turn, c.Id, actor, outcome.OrderId, $"{actor} announced its joint exercise with {j.Partner} in advance",
                                NegotiationEffects.Kept(definition, actor)));
                        }
                        else
                        {
                            Breach(c, actor, outcome.OrderId, $"{actor} held a joint exercise with {j.Partner} without the advance notice it undertook");
                        }

                        break;
                    case ConfidenceBuildingClause { Measure: ConfidenceMeasure.ArmsLimits } c when c.Nations.Contains(actor) && action is Mobilise:
                        Breach(c, actor, outcome.OrderId, $"{actor} mobilised despite the arms limits");
                        break;
                }
            }
        }

        // Sanctions kept: checked once, at the turn the relief falls due, unless lifted by an order of that turn.
        foreach (var c in agreement.Clauses.OfType<SanctionsReliefClause>().Where(c => c.WithinTurns == turnsServed))
        {
            var stillSanctioning = adjudicated.Sanctioning.TryGetValue(c.Nation, out var on) && on.Contains(c.On);
            var liftedNow = adjudicated.Outcomes.Any(o => o.Actor == c.Nation && o.Action is LiftSanctions l && l.Nation == c.On);
            if (stillSanctioning && !liftedNow)
            {
                Breach(c, c.Nation, null, $"{c.Nation} kept its sanctions on {c.On} past the {c.WithinTurns} turn(s) agreed");
            }
        }

        return new Findings(breaches.ToImmutable(), kept.ToImmutable());
    }

    private static string? Hostile(NationAction action) => action switch
    {
        CyberOperation => "cyber operation against",
        JointDeployment => "forces sent into",
        DeployForces { Area: DeploymentArea.Ally } => "forces sent into",
        _ => null,
    };

    private static bool Deploys(NationAction action, string into) => action switch
    {
        DeployForces { Area: DeploymentArea.Border or DeploymentArea.Ally } d => d.Nation == into,
        JointDeployment j => j.Nation == into,
        _ => false,
    };
}
