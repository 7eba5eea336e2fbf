using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Immutable]
public sealed record InitializeAlliance(AllianceDefinition Definition);

[GenerateSerializer, Immutable]
public sealed record RecordArmedAttack(string AttackId, string Attacker, string Victim, string InjectId);
