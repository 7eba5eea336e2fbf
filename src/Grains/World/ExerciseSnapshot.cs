using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;

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
            [.. recent.Where(e => e.Sequence <= world.Sequence && e.Audience.Allows(effective)).TakeLast(RecentEvents)]);
    }
}
