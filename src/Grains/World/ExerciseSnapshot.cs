using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.World;

public static class Snapshots
{
    public const int RecentEvents = 200;

    /// <summary>
    /// Builds the snapshot for <paramref name="viewer"/>. Each part applies its owner's visibility rule
    /// (<see cref="NationViews"/>, <see cref="AllianceViews"/>, <see cref="ExerciseViews"/>) and events their audience.
    /// </summary>
    public static ExerciseSnapshot Build(WorldState world, Participant viewer, IEnumerable<RecordedEvent> recent)
    {
        var effective = world.Effective(viewer);
        return new ExerciseSnapshot(
            world.ExerciseId,
            world.Sequence,
            effective,
            ExerciseViews.For(world.Exercise, effective),
            [.. world.Nations.Values.Where(n => n.Initialized).Select(n => NationViews.For(n, effective))],
            [.. world.Alliances.Values.Where(a => a.Initialized).Select(a => AllianceViews.For(a, effective))],
            [.. recent.Where(e => e.Sequence <= world.Sequence && VisibilityPolicy.MaySee(effective, e.Audience)).TakeLast(RecentEvents)],
            [.. world.Sessions.Values.Select(n => NegotiationViews.For(n, effective)).OfType<NegotiationView>()]);
    }

    /// <summary>
    /// The snapshot <paramref name="viewer"/> is given live: as <see cref="Build"/>, numbered in the viewer's own
    /// numbering (its <see cref="ExerciseSnapshot.Sequence"/> is its position, each recent event its n-th visible
    /// event) and without internal keys it may not see (<see cref="ViewerEvents.Project"/>).
    /// </summary>
    public static ExerciseSnapshot BuildNumbered(WorldState world, Participant viewer, ViewerNumbering numbering, IEnumerable<RecordedEvent> recent)
    {
        var effective = world.Effective(viewer);
        var inRange = recent.Where(e => e.Sequence <= world.Sequence).ToList();
        var before = inRange.Count == 0 ? 0 : numbering.PositionAt(effective, inRange[0].Sequence - 1);
        return Build(world, viewer, []) with
        {
            Sequence = numbering.PositionAt(effective, world.Sequence),
            Recent = [.. ViewerEvents.Visible(inRange, effective, before).TakeLast(RecentEvents)],
        };
    }
}
