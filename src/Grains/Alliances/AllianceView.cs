using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// An alliance as one viewer sees it. Its existence, type and members are public; the charter's working (attacks on
/// record, consultations, decisions) is member traffic, visible to members and exercise control only.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllianceView(
    string Code,
    string Name,
    AllianceType Type,
    ImmutableArray<string> Members,
    AllianceMemberView? Member);

[GenerateSerializer, Immutable]
public sealed record AllianceMemberView(Charter Charter, ImmutableArray<ArmedAttackRecord> Attacks);

public static class AllianceViews
{
    public static AllianceView For(AllianceState state, Participant viewer)
    {
        var definition = state.Definition!;
        var member = viewer.IsControl
            || (viewer.Role == ParticipantRole.Observer && viewer.FullView)
            || (viewer.Nation is { } nation && viewer.Role == ParticipantRole.Team && state.Members.Contains(nation));
        return new AllianceView(
            state.Code,
            definition.Name,
            definition.Type,
            [.. state.Members],
            member ? new AllianceMemberView(definition.Charter, [.. state.Attacks]) : null);
    }
}
