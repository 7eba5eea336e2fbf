using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

public static class AllianceEvolve
{
    public static AllianceState Apply(AllianceState state, DomainEvent domainEvent) => domainEvent switch
    {
        AllianceInitialized e => state with { Initialized = true, Definition = e.Definition, Members = [.. e.Definition.Members] },
        ArmedAttackOnMemberRecorded e => state with { Attacks = state.Attacks.Add(new ArmedAttackRecord(e.AttackId, e.Attacker, e.Victim, e.InjectId)) },
        _ => state,
    };
}
