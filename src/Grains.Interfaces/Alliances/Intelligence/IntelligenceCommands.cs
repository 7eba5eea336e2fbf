namespace CrisisGrid.Grains.Alliances;

/// <summary>A member shares an intelligence report with the alliance, optionally about one nation.</summary>
[GenerateSerializer, Alias("Alliances.ShareIntelligenceReport"), Immutable]
public sealed record ShareIntelligenceReport(string ReportId, string Member, string Title, string Body, string? About = null);
