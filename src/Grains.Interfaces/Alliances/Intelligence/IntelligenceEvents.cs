using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

[EventType("alliance.intelligence-shared"), GenerateSerializer, Alias("Alliances.IntelligenceShared"), Immutable]
public sealed record IntelligenceShared(string ReportId, string Member, string Title, string Body, string? About, DateTimeOffset At) : DomainEvent;
