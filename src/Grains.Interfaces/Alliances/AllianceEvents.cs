using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>The alliance exists with its scenario definition; <paramref name="Nations"/> are the exercise's nations.</summary>
[EventType("alliance.initialized"), GenerateSerializer, Alias("Alliances.AllianceInitialized"), Immutable]
public sealed record AllianceInitialized(AllianceDefinition Definition, ImmutableArray<string> Nations = default) : DomainEvent;

/// <summary>An armed attack on a member is on record: the precondition for invoking collective defence.</summary>
[EventType("alliance.armed-attack-recorded"), GenerateSerializer, Alias("Alliances.ArmedAttackOnMemberRecorded"), Immutable]
public sealed record ArmedAttackOnMemberRecorded(string AttackId, string Attacker, string Victim, string InjectId) : DomainEvent;
