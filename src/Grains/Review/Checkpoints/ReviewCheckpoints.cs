using CrisisGrid.Grains.World;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace CrisisGrid.Grains.Review.Checkpoints;

/// <summary>
/// Reads and writes one exercise's review checkpoints: the feed's whole projection (the latest only, so a cold feed
/// folds only the tail of the log) and the world at every <see cref="WorldCheckpoints.Interval"/>-th event (so a replay
/// to N folds at most that many events). They are a cache of the log: a checkpoint that cannot be read is logged and
/// ignored, and one that cannot be written costs only speed — never an event or an acknowledgement.
/// </summary>
public sealed class ReviewCheckpoints(IReviewCheckpointStore store, Serializer serializer, string exerciseId, ILogger logger)
{
    public const string FeedKind = "feed";

    public const string WorldKind = "world";

    /// <summary>
    /// The feed's projection is written after this many new events (and when the feed deactivates): a restart then
    /// folds at most this many events on top of it. It grows with the log (every event's audience), so not every 1,024.
    /// </summary>
    public const int FeedEvery = 8 * WorldCheckpoints.DefaultInterval;

    /// <summary>
    /// Which fold wrote a checkpoint: the build of the rules (this assembly and the interfaces). Deterministic builds
    /// give the same id to the same code, so a restart keeps its checkpoints, while an upgrade that may fold the log
    /// differently ignores them and folds once from the log, instead of trusting state its rules would not derive.
    /// </summary>
    public static string Format { get; } =
        $"{typeof(WorldState).Assembly.ManifestModule.ModuleVersionId:N}.{typeof(Events.RecordedEvent).Assembly.ManifestModule.ModuleVersionId:N}";

    public async Task<FeedCheckpoint?> LoadFeed(long lastInLog)
    {
        var stored = await Load(FeedKind, lastInLog);
        return stored is null ? null : Deserialize<FeedCheckpoint>(stored);
    }

    /// <summary>The persisted world at the latest checkpoint at or before <paramref name="sequence"/>, or null.</summary>
    public async Task<WorldState?> LoadWorld(long sequence)
    {
        var stored = await Load(WorldKind, sequence);
        return stored is null ? null : Deserialize<WorldState>(stored);
    }

    /// <summary>
    /// Writes <paramref name="worlds"/> and, when given, the feed's projection (taken with
    /// <see cref="FeedProjection.ToCheckpoint"/>), in one transaction. Everything it is given is immutable, so it may
    /// run off the feed grain's turn.
    /// </summary>
    public async Task Save(IReadOnlyList<WorldState> worlds, FeedCheckpoint? feed)
    {
        if (worlds.Count == 0 && feed is null)
        {
            return;
        }

        try
        {
            var rows = worlds.Select(w => new ReviewCheckpoint(WorldKind, w.Sequence, Format, serializer.SerializeToArray(w))).ToList();
            if (feed is not null)
            {
                rows.Add(new ReviewCheckpoint(FeedKind, feed.World.Sequence, Format, serializer.SerializeToArray(feed), ReplacesEarlier: true));
            }

            await store.SaveAsync(exerciseId, rows);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Review checkpoints of {Exercise} not saved; the log still has every event", exerciseId);
        }
    }

    private async Task<ReviewCheckpoint?> Load(string kind, long atOrBefore)
    {
        try
        {
            return await store.LoadLatestAsync(exerciseId, kind, atOrBefore, Format);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Review checkpoint ({Kind}) of {Exercise} not read; folding from the log instead", kind, exerciseId);
            return null;
        }
    }

    private T? Deserialize<T>(ReviewCheckpoint stored)
        where T : class
    {
        try
        {
            return serializer.Deserialize<T>(stored.Payload);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Review checkpoint ({Kind} at {Sequence}) of {Exercise} unreadable; folding from the log instead", stored.Kind, stored.Sequence, exerciseId);
            return null;
        }
    }
}
