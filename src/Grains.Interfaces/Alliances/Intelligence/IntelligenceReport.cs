namespace CrisisGrid.Grains.Alliances;

/// <summary>Intelligence one member shared with the alliance: visible to its members and nobody else.</summary>
[GenerateSerializer, Alias("Alliances.IntelligenceReport"), Immutable]
public sealed record IntelligenceReport(string Id, string Member, string Title, string Body, string? About, DateTimeOffset At);
