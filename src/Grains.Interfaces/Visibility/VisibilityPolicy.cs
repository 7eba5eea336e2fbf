using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Visibility;

/// <summary>
/// The one place that decides what a viewer may see (fog of war). Every view (nation, alliance, exercise,
/// negotiation) and every read path (HTTP snapshot and events, hub snapshot, pushed events, resync, replay) asks
/// here; nothing else compares roles with audiences. Pure: the viewer, the audience and — for observers — whether
/// the after-action review is open decide everything. See docs/visibility.md.
/// </summary>
public static class VisibilityPolicy
{
    /// <summary>
    /// Whether <paramref name="viewer"/> sees everything: exercise control (and the exercise's own system actor),
    /// and an observer given the full view because the after-action review is open.
    /// </summary>
    public static bool HasFullView(Participant viewer) => viewer.Role switch
    {
        ParticipantRole.Facilitator or ParticipantRole.System => true,
        ParticipantRole.Observer => viewer.FullView,
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="viewer"/> may see what <paramref name="audience"/> is for: public things are for all;
    /// control things for those with the full view; a list of nations (an alliance's members, a backchannel's two
    /// parties) for those nations' teams and those with the full view — nobody else, not an ally, not a mediator.
    /// </summary>
    public static bool MaySee(Participant viewer, Audience audience) => audience.Kind switch
    {
        AudienceKind.Public => true,
        _ when HasFullView(viewer) => true,
        AudienceKind.Nations => viewer.Role == ParticipantRole.Team
            && viewer.Nation is { } nation
            && audience.Nations.Contains(nation, StringComparer.Ordinal),
        _ => false,
    };

    /// <summary>A nation's private state (indices, relations, action points, orders): its own team and the full view.</summary>
    public static bool SeesNationPrivate(Participant viewer, string nation) => MaySee(viewer, Audience.ToNation(nation));

    /// <summary>
    /// An alliance's member traffic (consultations, drafts and votes, defence, pledges, intelligence, cohesion): the
    /// members in good standing, and the full view. A suspended or former member sees the public part only.
    /// </summary>
    public static bool SeesMemberTraffic(Participant viewer, IEnumerable<string> membersInGoodStanding) =>
        MaySee(viewer, Audience.ToNations(membersInGoodStanding));

    /// <summary>What only exercise control sees of the exercise (the MSEL, the seed, outcomes, undelivered changes).</summary>
    public static bool SeesControlView(Participant viewer) => MaySee(viewer, Audience.Control);

    /// <summary>
    /// The adjudication review queue: outcomes held before release and exercise control's rationales. Exercise control,
    /// and observers once the after-action review is open; never a team (a team learns its outcome when results are
    /// released, and never the rationale — it is control's record, not a public one).
    /// </summary>
    public static bool SeesAdjudicationQueue(Participant viewer) => MaySee(viewer, Audience.Control);

    /// <summary>Whether this viewer may be shown internal keys: command ids and the log's own sequence numbers.</summary>
    public static bool SeesInternalKeys(Participant viewer) => HasFullView(viewer);

    /// <summary>
    /// The viewer as the exercise treats it: an observer gets the full view once exercise control has opened the
    /// after-action review. Nothing else changes with the review; a team's view never does.
    /// </summary>
    public static Participant InExercise(Participant viewer, bool reviewOpen) =>
        viewer.Role == ParticipantRole.Observer && reviewOpen ? viewer with { FullView = true } : viewer;

    /// <summary>
    /// Who may replay the exercise to an earlier point ("who knew what when"): exercise control, and observers once
    /// the review is open.
    /// </summary>
    public static bool MayReplay(Participant requester, bool reviewOpen) => HasFullView(InExercise(requester, reviewOpen));

    /// <summary>
    /// Which count of events <paramref name="viewer"/> is numbered by (see <see cref="ViewerNumbering"/>): null for
    /// the full view, which counts every event of the log (its own numbers are the log's sequence numbers); otherwise
    /// one numbering per set of viewers who may see the same events — the observers without the full view, and each
    /// nation's team.
    /// </summary>
    public static string? NumberingOf(Participant viewer) =>
        HasFullView(viewer) ? null
        : viewer.Role == ParticipantRole.Team ? $"team:{viewer.Nation}"
        : "observer";

    /// <summary>
    /// A viewer that stands for everyone numbered by <paramref name="numbering"/> (a key from <see cref="NumberingOf"/>).
    /// </summary>
    public static Participant ViewerOf(string numbering) =>
        numbering.StartsWith("team:", StringComparison.Ordinal) ? Participant.Team(numbering["team:".Length..]) : Participant.Observer;
}
