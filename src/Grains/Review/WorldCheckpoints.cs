using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// The world at every <see cref="Interval"/>-th sequence number, so a replay to N folds at most
/// <see cref="Interval"/> events from the nearest checkpoint instead of the whole log. <see cref="WorldState"/> is
/// immutable and its collections share structure, so a checkpoint costs only what changed since the previous one.
/// </summary>
public sealed class WorldCheckpoints(int interval = WorldCheckpoints.DefaultInterval)
{
    /// <summary>
    /// 1,024 events: folding that many plus one SQLite read stays well under the review's 100 ms budget per slider
    /// step, while 100,000 events keep only ~100 checkpoints in memory (docs/performance.md, section 3).
    /// </summary>
    public const int DefaultInterval = 1024;

    private readonly List<WorldState> _states = [];

    public int Interval { get; } = interval > 0 ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The checkpoint interval must be positive.");

    public int Count => _states.Count;

    /// <summary>Keeps <paramref name="world"/> when it falls on the interval and is newer than the last checkpoint.</summary>
    public void Offer(WorldState world)
    {
        if (world.Sequence > 0 && world.Sequence % Interval == 0 && (_states.Count == 0 || _states[^1].Sequence < world.Sequence))
        {
            _states.Add(world);
        }
    }

    /// <summary>Keeps a checkpoint read back from the database (any position; one already kept is not doubled).</summary>
    public void Remember(WorldState world)
    {
        var at = _states.FindIndex(s => s.Sequence >= world.Sequence);
        if (at < 0)
        {
            _states.Add(world);
        }
        else if (_states[at].Sequence != world.Sequence)
        {
            _states.Insert(at, world);
        }
    }

    /// <summary>The latest checkpoint at or before <paramref name="sequence"/>, or the empty world.</summary>
    public WorldState Nearest(string exerciseId, long sequence)
    {
        int low = 0, high = _states.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_states[middle].Sequence <= sequence)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 ? _states[found] : WorldState.Empty(exerciseId);
    }
}
