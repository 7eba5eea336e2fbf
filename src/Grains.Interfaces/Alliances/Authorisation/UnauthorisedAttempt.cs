using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A member tried an alliance-flagged action without the decision that authorises it (a unilateral act).</summary>
[GenerateSerializer, Alias("Alliances.UnauthorisedAttempt"), Immutable]
public sealed record UnauthorisedAttempt(string Member, DecisionKind Kind, string? Subject, string Description, DateTimeOffset At);
