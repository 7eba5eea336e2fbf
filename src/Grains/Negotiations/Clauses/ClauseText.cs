namespace CrisisGrid.Grains.Negotiations;

/// <summary>A clause in words, with every parameter: shown to people and compared to tell what an amendment changed.</summary>
public static class ClauseText
{
    public static string Describe(Clause clause) => clause switch
    {
        CeasefireClause c => $"Ceasefire between {List(c.Nations)}",
        WithdrawalLineClause c => $"{c.Nation} withdraws its forces from {c.From}'s border and territory",
        HumanitarianCorridorClause c => $"Humanitarian corridor through {c.Nation}",
        PrisonerExchangeClause c => $"Prisoner exchange between {List(c.Nations)}",
        PeacekeepingDeploymentClause { Alliance: null } c => $"Peacekeeping deployment to {c.Host}",
        PeacekeepingDeploymentClause c => $"Peacekeeping deployment to {c.Host} under a mandate of {c.Alliance}",
        SanctionsReliefClause c => $"{c.Nation} lifts its sanctions on {c.On} within {c.WithinTurns} turn(s)",
        ConfidenceBuildingClause c => $"{Measure(c.Measure)}: {List(c.Nations)}",
        _ => clause.GetType().Name,
    };

    public static string Measure(ConfidenceMeasure measure) => measure switch
    {
        ConfidenceMeasure.ArmsLimits => "Arms limits (no mobilisation)",
        ConfidenceMeasure.AdvanceNoticeOfExercises => "Advance notice of exercises",
        ConfidenceMeasure.Hotline => "Hotline",
        ConfidenceMeasure.ObserversAtExercises => "Observers at exercises",
        _ => "Diplomatic exchanges",
    };

    private static string List(IEnumerable<string> nations) => string.Join(", ", nations);
}
