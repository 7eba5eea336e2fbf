using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// "As X at event N" without refolding the log: the nearest <see cref="WorldCheckpoints">checkpoint</see> at or
/// before N, plus the events up to N folded on top. Events are read from the log in blocks that line up with the
/// checkpoints and the last few blocks are kept, because a review moves a slider back and forth over nearby events.
/// A snapshot's recent events are gathered backwards, block by block, until the viewer has
/// <see cref="Snapshots.RecentEvents"/> of them (or <see cref="MaxLookBack"/> events were searched), so a team that
/// sees little still gets its timeline without the whole log being read.
/// Checkpoints the feed did not fold itself since it activated (it may have started from a persisted projection) are
/// read from the database through <paramref name="persisted"/> when the one in memory is a whole interval away.
/// </summary>
public sealed class ReviewArchive(
    IEventLog log,
    string exerciseId,
    int checkpointInterval = WorldCheckpoints.DefaultInterval,
    Func<long, Task<WorldState?>>? persisted = null)
{
    /// <summary>How far back a replay looks for a viewer's recent events.</summary>
    public const int MaxLookBack = 16_384;

    // 32 blocks of 1,024 events: a few MiB, enough for the slider's neighbourhood and the recent-events look-back.
    private const int CachedBlocks = 32;

    private readonly Dictionary<long, LinkedListNode<(long Index, IReadOnlyList<RecordedEvent> Events)>> _blocks = [];
    private readonly LinkedList<(long Index, IReadOnlyList<RecordedEvent> Events)> _recentlyUsed = new();

    public WorldCheckpoints Checkpoints { get; } = new(checkpointInterval);

    private int Interval => Checkpoints.Interval;

    /// <summary>Folds the next event of the live log (the feed grain calls this for every event, in order).</summary>
    public void Folded(WorldState world) => Checkpoints.Offer(world);

    /// <summary>What <paramref name="viewer"/> could see at <paramref name="sequence"/> (at most <paramref name="last"/>, the log's end).</summary>
    public async Task<ExerciseSnapshot> At(Participant viewer, long sequence, long last)
    {
        sequence = Math.Clamp(sequence, 0, last);
        var (world, tail) = await Fold(sequence, last);

        var effective = world.Effective(viewer);
        var recent = new List<RecordedEvent>(tail);
        var visible = tail.Count(e => e.Audience.Allows(effective));
        var from = sequence - tail.Count;
        while (from > 0 && sequence - from < MaxLookBack && visible < Snapshots.RecentEvents)
        {
            var earlier = await Range(Math.Max(0, from - Interval), from, last);
            recent.InsertRange(0, earlier);
            visible += earlier.Count(e => e.Audience.Allows(effective));
            from -= earlier.Count;
        }

        return Snapshots.Build(world, viewer, recent);
    }

    /// <summary>The whole world at <paramref name="sequence"/> (for exercise control's views: the relation matrix).</summary>
    public async Task<WorldState> WorldAt(long sequence, long last) => (await Fold(Math.Clamp(sequence, 0, last), last)).World;

    private async Task<(WorldState World, IReadOnlyList<RecordedEvent> Tail)> Fold(long sequence, long last)
    {
        var world = Checkpoints.Nearest(exerciseId, sequence);
        if (persisted is not null && sequence - world.Sequence >= Interval && await persisted(sequence) is { } stored && stored.Sequence > world.Sequence)
        {
            Checkpoints.Remember(stored);
            world = stored;
        }

        var tail = await Range(world.Sequence, sequence, last);
        foreach (var recorded in tail)
        {
            world = world.Apply(recorded);
        }

        return (world, tail);
    }

    /// <summary>Events with <paramref name="after"/> &lt; sequence ≤ <paramref name="upTo"/>, from cached blocks where possible.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> Range(long after, long upTo, long last)
    {
        var result = new List<RecordedEvent>((int)Math.Max(0, upTo - after));
        for (var index = after / Interval; index * Interval < upTo; index++)
        {
            var block = await Block(index, last);
            result.AddRange(block.Where(e => e.Sequence > after && e.Sequence <= upTo));
        }

        return result;
    }

    private async Task<IReadOnlyList<RecordedEvent>> Block(long index, long last)
    {
        if (_blocks.TryGetValue(index, out var node))
        {
            _recentlyUsed.Remove(node);
            _recentlyUsed.AddFirst(node);
            return node.Value.Events;
        }

        var end = (index + 1) * Interval;
        var events = await log.ReadExerciseAsync(exerciseId, index * Interval, Math.Min(end, last));
        if (end <= last)
        {
            // Only whole blocks are kept: the live end of the log still grows.
            _blocks[index] = _recentlyUsed.AddFirst((index, events));
            if (_recentlyUsed.Count > CachedBlocks)
            {
                _blocks.Remove(_recentlyUsed.Last!.Value.Index);
                _recentlyUsed.RemoveLast();
            }
        }

        return events;
    }
}
