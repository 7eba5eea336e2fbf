using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Immutable]
public sealed record ArmedAttackRecord(string AttackId, string Attacker, string Victim, string InjectId);

[GenerateSerializer, Immutable]
public sealed record AllianceState(
    string Code,
    bool Initialized,
    AllianceDefinition? Definition,
    ImmutableSortedSet<string> Members,
    ImmutableList<ArmedAttackRecord> Attacks)
{
    public static AllianceState Empty(string code) => new(code, false, null, ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal), []);
}
