using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// A member's nation tried an alliance-flagged order that no passed decision authorises. Sent by the nation grain
/// when it refuses the order, so the alliance can count unilateral attempts against its cohesion.
/// </summary>
[GenerateSerializer, Alias("Alliances.RecordUnauthorisedAttempt"), Immutable]
public sealed record RecordUnauthorisedAttempt(string Member, DecisionKind Kind, string? Subject, string Description);
