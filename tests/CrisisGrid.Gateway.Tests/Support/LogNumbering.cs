using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// Translates, for tests, between the exercise log's sequence numbers (what exercise control is told) and a viewer's
/// own numbering (the n-th event it may see; docs/visibility.md), by numbering the log of a gateway running in this
/// process with the product's own <see cref="ViewerNumbering"/>. Tests can then wait for "everything up to the news
/// control just published" on any client. Null when the gateway runs in another process.
/// </summary>
public static class LogNumbering
{
    public static async Task<ViewerNumbering?> Of(Uri gateway, string exerciseId)
    {
        if (GatewayHost.Find(gateway) is not { } host)
        {
            return null;
        }

        var feed = host.Grains.GetGrain<IExerciseFeedGrain>(exerciseId);
        var numbering = new ViewerNumbering();
        for (var page = await feed.Read(0, 2000); page.Count > 0; page = await feed.Read(numbering.Sequence, 2000))
        {
            foreach (var recorded in page)
            {
                numbering.Add(recorded);
            }
        }

        return numbering;
    }

    /// <summary><paramref name="viewer"/>'s position at log sequence <paramref name="sequence"/> (unchanged for the full view).</summary>
    public static async Task<long> PositionAt(Uri gateway, string exerciseId, Participant viewer, long sequence) =>
        VisibilityPolicy.NumberingOf(viewer) is null || await Of(gateway, exerciseId) is not { } numbering
            ? sequence
            : numbering.PositionAt(viewer, sequence);

    /// <summary>The log sequence of <paramref name="viewer"/>'s position <paramref name="position"/> (unchanged for the full view).</summary>
    public static async Task<long> SequenceAt(Uri gateway, string exerciseId, Participant viewer, long position) =>
        VisibilityPolicy.NumberingOf(viewer) is null || position <= 0 || await Of(gateway, exerciseId) is not { } numbering
            ? position
            : numbering.SequencesAfter(viewer, position - 1, 1) is [var sequence] ? sequence : position;
}
