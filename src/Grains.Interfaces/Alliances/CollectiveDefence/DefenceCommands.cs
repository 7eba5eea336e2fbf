namespace CrisisGrid.Grains.Alliances;

/// <summary>A member's response to an invocation of collective defence (its id is the decision's draft id).</summary>
[GenerateSerializer, Alias("Alliances.RecordDefenceResponse"), Immutable]
public sealed record RecordDefenceResponse(string InvocationId, string Member, ResponseKind Kind, string Description);
