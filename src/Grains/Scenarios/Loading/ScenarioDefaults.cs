namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// The values a scenario file gets when it leaves a key out. scenarios/README.md documents each one; keep the two
/// in step (and scenarios/scenario.schema.json, whose "default" annotations repeat them for editors).
/// </summary>
public static class ScenarioDefaults
{
    /// <summary>Action points each nation gets per turn, unless the clock or the nation says otherwise.</summary>
    public const int ActionPointsPerTurn = 4;

    /// <summary>Simulated time one turn covers: one day is the usual rhythm of a strategic-level exercise.</summary>
    public static readonly TimeSpan TurnDuration = TimeSpan.FromDays(1);

    /// <summary>Trust a nation has in another when the file lists no relation between them.</summary>
    public const int Trust = 50;

    /// <summary>Tension a nation feels toward another when the file lists no relation between them.</summary>
    public const int Tension = 20;

    public const NationControl Control = NationControl.Team;

    public const bool Neutral = false;

    /// <summary>How long voting stays open when a decision rule gives no deadline (matches <see cref="DecisionRule.DefaultConsensus"/>).</summary>
    public static readonly TimeSpan DecisionDeadline = TimeSpan.FromMinutes(30);

    /// <summary>How soon an alliance must convene after a member requests consultation.</summary>
    public static readonly TimeSpan ConveneWithin = TimeSpan.FromMinutes(30);

    /// <summary>How long members have to record their positions once convened.</summary>
    public static readonly TimeSpan PositionsDueWithin = TimeSpan.FromMinutes(20);

    /// <summary>Real time between a withdrawal notice and the withdrawal taking effect.</summary>
    public static readonly TimeSpan WithdrawalNotice = TimeSpan.FromHours(1);
}
