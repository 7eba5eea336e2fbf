using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.Alliances;

public static class AllianceViews
{
    /// <summary>Whether <paramref name="viewer"/> may read the alliance's member traffic.</summary>
    public static bool SeesMemberTraffic(AllianceState state, Participant viewer) =>
        VisibilityPolicy.SeesMemberTraffic(viewer, state.ActiveMembers);

    public static AllianceView For(AllianceState state, Participant viewer)
    {
        var definition = state.Definition!;
        return new AllianceView(
            state.Code,
            definition.Name,
            definition.Type,
            [.. state.Members],
            SeesMemberTraffic(state, viewer) ? MemberView(state) : null);
    }

    private static AllianceMemberView MemberView(AllianceState state) => new(
        state.Definition!.Charter,
        [.. state.Suspended],
        [.. state.Withdrawals.Values.OrderBy(w => w.EffectiveAt)],
        [.. state.FormerMembers],
        [.. state.Attacks],
        [.. state.Consultations.Values.OrderBy(c => c.RequestedAt).ThenBy(c => c.Id, StringComparer.Ordinal)],
        [.. state.Drafts.Values.OrderBy(d => d.TabledAt).ThenBy(d => d.Id, StringComparer.Ordinal)],
        [.. state.Invocations.Values.OrderBy(i => i.InvokedAt).ThenBy(i => i.Id, StringComparer.Ordinal)],
        [.. state.Pledges.Values.OrderBy(p => p.PledgedAt).ThenBy(p => p.Id, StringComparer.Ordinal)],
        [.. state.Intelligence],
        AllianceCohesion.Compute(state),
        state.Clock);
}
