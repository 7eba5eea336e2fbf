namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>clock:</c> — when simulated time starts, how much a turn covers, how many turns there are, action points, and
/// the optional real-time deadlines per phase (absent or null: the facilitator advances by hand), and whether
/// adjudicated outcomes are held for exercise control's review before they go out.
/// </summary>
internal static class ClockSection
{
    private static readonly string[] Keys = ["start", "turnDuration", "maxTurns", "actionPointsPerTurn", "deadlines", "reviewAdjudications"];
    private static readonly string[] DeadlineKeys = ["planning", "orders", "results"];
    private const string DeadlineAllowed = "a positive ISO 8601 duration of real time such as PT15M, or null for the facilitator to advance by hand";

    public static ClockSettings? Read(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(Keys) is not { } clock)
        {
            return null;
        }

        var start = clock.Required("start", "an ISO 8601 date and time with an offset, such as 2031-03-01T06:00:00Z")?.DateTime();
        var turnDuration = clock.Optional("turnDuration")?.Duration(DurationRule.Positive) ?? ScenarioDefaults.TurnDuration;
        var maxTurns = clock.Optional("maxTurns")?.Integer(1, int.MaxValue, "an integer of at least 1, or null for no limit");
        var actionPoints = clock.Optional("actionPointsPerTurn")?.Integer(1, 100) ?? ScenarioDefaults.ActionPointsPerTurn;
        var deadlines = clock.Optional("deadlines") is { } d ? ReadDeadlines(d) : PhaseDeadlines.None;
        var review = clock.Optional("reviewAdjudications")?.Boolean() ?? false;
        context.MaxTurns = maxTurns;

        return new ClockSettings(start ?? default, turnDuration, maxTurns, actionPoints, deadlines ?? PhaseDeadlines.None) { ReviewAdjudications = review };
    }

    private static PhaseDeadlines? ReadDeadlines(NodeCursor node)
    {
        if (node.Mapping(DeadlineKeys) is not { } deadlines)
        {
            return null;
        }

        return new PhaseDeadlines(
            deadlines.Optional("planning")?.Duration(DurationRule.Positive, DeadlineAllowed),
            deadlines.Optional("orders")?.Duration(DurationRule.Positive, DeadlineAllowed),
            deadlines.Optional("results")?.Duration(DurationRule.Positive, DeadlineAllowed));
    }
}
