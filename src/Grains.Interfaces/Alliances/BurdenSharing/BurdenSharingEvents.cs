using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

[EventType("alliance.resources-pledged"), GenerateSerializer, Alias("Alliances.ResourcesPledged"), Immutable]
public sealed record ResourcesPledged(string PledgeId, string Member, string Resource, int Amount, DateTimeOffset At, DateTimeOffset DueBy) : DomainEvent;

[EventType("alliance.pledge-delivered"), GenerateSerializer, Alias("Alliances.PledgeDelivered"), Immutable]
public sealed record PledgeDelivered(string PledgeId, string Member, int Amount, DateTimeOffset At) : DomainEvent;

/// <summary>A pledge reached its due date; <paramref name="Shortfall"/> is what was still missing then.</summary>
[EventType("alliance.pledge-fell-due"), GenerateSerializer, Alias("Alliances.PledgeFellDue"), Immutable]
public sealed record PledgeFellDue(string PledgeId, string Member, DateTimeOffset At, int Amount, int Delivered, int Shortfall) : DomainEvent;
