namespace CrisisGrid.Grains.Nations;

/// <summary>What each action costs in action points. One table, shown to players in the web client too.</summary>
public static class ActionCatalog
{
    public static int Cost(NationAction action) => action switch
    {
        PublicStatement => 1,
        Mobilise => 2,
        StandDown => 1,
        DeployForces => 2,
        JointExercise => 2,
        ImposeSanctions => 2,
        LiftSanctions => 1,
        HumanitarianAid => 1,
        ShareIntelligence => 1,
        CyberOperation => 2,
        Hold => 0,
        JointDeployment => 2,
        CollectiveStatement => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "Unknown action."),
    };

    public static string Describe(NationAction action) => action switch
    {
        PublicStatement s => s.Toward is null ? $"{s.Tone} public statement" : $"{s.Tone} public statement toward {s.Toward}",
        Mobilise => "Mobilise forces",
        StandDown => "Stand down forces",
        DeployForces d => d.Area switch
        {
            DeploymentArea.Home => "Return forces to home garrisons",
            DeploymentArea.Border => $"Deploy forces to the border facing {d.Nation}",
            _ => $"Deploy forces to {d.Nation}",
        },
        JointExercise j => j.Announced ? $"Announced joint exercise with {j.Partner}" : $"Unannounced joint exercise with {j.Partner}",
        ImposeSanctions s => $"Impose sanctions on {s.Nation}",
        LiftSanctions s => $"Lift sanctions on {s.Nation}",
        HumanitarianAid h => $"Humanitarian aid to {h.Recipient}",
        ShareIntelligence i => $"Share intelligence with {i.Recipient}",
        CyberOperation c => $"Cyber operation against {c.Nation}",
        Hold => "Hold",
        JointDeployment j => $"Joint deployment of {j.Alliance} to {j.Nation}",
        CollectiveStatement c => $"Collective statement of {c.Alliance}",
        _ => action.GetType().Name,
    };
}
