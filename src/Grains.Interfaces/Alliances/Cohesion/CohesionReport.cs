namespace CrisisGrid.Grains.Alliances;

/// <summary>The cohesion index with the counts it was computed from, so members (and the review) can see why it moved.</summary>
[GenerateSerializer, Alias("Alliances.CohesionReport"), Immutable]
public sealed record CohesionReport(
    int Index,
    double Divergence,
    int SilentMembers,
    int FailedDecisions,
    int UnauthorisedAttempts,
    int FreeRiders,
    double PledgeShortfall,
    int PassedDecisions);
