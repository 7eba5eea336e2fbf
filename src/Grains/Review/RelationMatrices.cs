using System.Collections.Immutable;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

public static class RelationMatrices
{
    /// <summary>The matrix of the world as it is (every initialised nation, in code order).</summary>
    public static RelationMatrix From(WorldState world)
    {
        var nations = world.Nations.Values.Where(n => n.Initialized).ToList();
        return new RelationMatrix(
            world.Sequence,
            world.Exercise.Turn,
            [.. nations.Select(n => n.Code)],
            [.. nations.Select(from => nations.Select(to => from.Code == to.Code ? (int?)null : from.RelationWith(to.Code).Trust).ToImmutableArray())],
            [.. nations.Select(from => nations.Select(to => from.Code == to.Code ? (int?)null : from.RelationWith(to.Code).Tension).ToImmutableArray())]);
    }
}
