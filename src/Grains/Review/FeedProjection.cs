using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Review.Checkpoints;
using CrisisGrid.Grains.Visibility;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// Everything the feed grain derives from the log, folded one event at a time: the world, each viewer's numbering,
/// and the review's chart series and turn summaries. Pure: the same log gives the same projection, whether folded from
/// the first event or restored from a <see cref="FeedCheckpoint"/> and folded on from there.
/// </summary>
public sealed class FeedProjection
{
    private FeedProjection(WorldState world, ViewerNumbering numbering, ReviewSeriesBuilder series, TurnSummaryBuilder turns)
    {
        World = world;
        Numbering = numbering;
        Series = series;
        Turns = turns;
    }

    public WorldState World { get; private set; }

    public ViewerNumbering Numbering { get; }

    public ReviewSeriesBuilder Series { get; }

    public TurnSummaryBuilder Turns { get; }

    public static FeedProjection Empty(string exerciseId) =>
        new(WorldState.Empty(exerciseId), new ViewerNumbering(), new ReviewSeriesBuilder(exerciseId), new TurnSummaryBuilder(exerciseId));

    public static FeedProjection Restore(FeedCheckpoint checkpoint) => new(
        checkpoint.World,
        ViewerNumbering.Restore(checkpoint.AudienceOfEvent.Select(i => checkpoint.Audiences[i]), checkpoint.ReviewOpenedAt),
        ReviewSeriesBuilder.Restore(checkpoint.Series),
        TurnSummaryBuilder.Restore(checkpoint.Turns));

    /// <summary>Takes the next event of the log (sequence <c>World.Sequence + 1</c>).</summary>
    public void Fold(RecordedEvent recorded)
    {
        World = World.Apply(recorded);
        Numbering.Add(recorded);
        Series.Observe(recorded, World);
        Turns.Observe(recorded, World);
    }

    public FeedCheckpoint ToCheckpoint()
    {
        // Audiences compare by content (their nations are an array, which records compare by reference).
        var distinct = new List<Audience>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ofEvent = ImmutableArray.CreateBuilder<int>(Numbering.Audiences.Count);
        foreach (var audience in Numbering.Audiences)
        {
            var key = $"{audience.Kind}:{string.Join(',', audience.Nations)}";
            if (!index.TryGetValue(key, out var i))
            {
                i = distinct.Count;
                index[key] = i;
                distinct.Add(audience);
            }

            ofEvent.Add(i);
        }

        return new FeedCheckpoint(World, [.. distinct], ofEvent.MoveToImmutable(), Numbering.ReviewOpenedAt, Series.ToCheckpoint(), Turns.ToCheckpoint());
    }
}
