namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// <paramref name="Member"/> requests consultations (Art. 4), citing the threat: an inject id, a description of
/// another nation's action, or both. <paramref name="ConsultationId"/> is chosen by the client, unique in the alliance.
/// </summary>
[GenerateSerializer, Alias("Alliances.RequestConsultation"), Immutable]
public sealed record RequestConsultation(string ConsultationId, string Member, string? InjectId = null, string? Threat = null);

/// <summary>Convenes a requested consultation: a second member (not the requester), or exercise control as chair (no member).</summary>
[GenerateSerializer, Alias("Alliances.ConveneConsultation"), Immutable]
public sealed record ConveneConsultation(string ConsultationId, string? Member = null);

/// <summary>A member's position in a convened consultation; a statement needs its text.</summary>
[GenerateSerializer, Alias("Alliances.RecordPosition"), Immutable]
public sealed record RecordPosition(string ConsultationId, string Member, PositionKind Position, string? Text = null);
