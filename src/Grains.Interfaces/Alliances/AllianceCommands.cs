using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Sets the alliance up from the scenario. <paramref name="Nations"/> lists every nation of the exercise, so the
/// alliance can check the nations a command names (candidates, deployment hosts); empty when unknown.
/// </summary>
[GenerateSerializer, Alias("Alliances.InitializeAlliance"), Immutable]
public sealed record InitializeAlliance(AllianceDefinition Definition, ImmutableArray<string> Nations = default);

/// <summary>An armed attack happened (from an inject); the alliance records it if the victim is a member.</summary>
[GenerateSerializer, Alias("Alliances.RecordArmedAttack"), Immutable]
public sealed record RecordArmedAttack(string AttackId, string Attacker, string Victim, string InjectId);
