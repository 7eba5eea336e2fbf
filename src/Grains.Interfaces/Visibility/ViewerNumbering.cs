using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Visibility;

/// <summary>
/// Numbers each viewer's events densely: the n-th event a viewer may see has position n in its numbering. A team's
/// (or a public observer's) numbers count only what it may see, so gaps cannot tell it how much happened out of its
/// sight; the full view's numbers are the log's own sequence numbers. Folded event by event with the log (the feed
/// grain owns one); which events count for whom is <see cref="VisibilityPolicy.MaySee"/>'s answer, nothing here.
/// </summary>
public sealed class ViewerNumbering
{
    // The audience of every event, by sequence − 1: a numbering asked for the first time is built from it.
    private readonly List<Audience> _audiences = [];

    // For each numbering (VisibilityPolicy.NumberingOf), the log sequence numbers its viewers may see, in order:
    // entry n − 1 is the sequence of position n.
    private readonly Dictionary<string, List<long>> _visible = new(StringComparer.Ordinal);

    /// <summary>The log sequence folded so far.</summary>
    public long Sequence => _audiences.Count;

    /// <summary>
    /// The sequence of the event that opened the after-action review, when it is open: observers are numbered by
    /// the public count before it and by the log's sequence after it.
    /// </summary>
    public long? ReviewOpenedAt { get; private set; }

    /// <summary>The audience of every event folded so far, by sequence − 1 (what a persisted checkpoint keeps).</summary>
    public IReadOnlyList<Audience> Audiences => _audiences;

    /// <summary>A numbering folded to <c>audiences.Count</c> events, from what <see cref="Audiences"/> and <see cref="ReviewOpenedAt"/> said.</summary>
    public static ViewerNumbering Restore(IEnumerable<Audience> audiences, long? reviewOpenedAt)
    {
        var numbering = new ViewerNumbering { ReviewOpenedAt = reviewOpenedAt };
        numbering._audiences.AddRange(audiences);
        return numbering;
    }

    public void Add(RecordedEvent recorded)
    {
        if (recorded.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException($"Event {recorded.Sequence} numbered after {Sequence}; the log is numbered in order without gaps.");
        }

        _audiences.Add(recorded.Audience);
        foreach (var (numbering, visible) in _visible)
        {
            if (VisibilityPolicy.MaySee(VisibilityPolicy.ViewerOf(numbering), recorded.Audience))
            {
                visible.Add(recorded.Sequence);
            }
        }

        if (recorded.Event is ReviewOpened && ReviewOpenedAt is null)
        {
            ReviewOpenedAt = recorded.Sequence;
        }
    }

    /// <summary>How many events <paramref name="viewer"/> may see up to log sequence <paramref name="sequence"/>: its position then.</summary>
    public long PositionAt(Participant viewer, long sequence)
    {
        sequence = Math.Clamp(sequence, 0, Sequence);
        if (Visible(viewer) is not { } visible)
        {
            return sequence;
        }

        var index = visible.BinarySearch(sequence);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The log sequences of <paramref name="viewer"/>'s positions after <paramref name="afterPosition"/>, at most <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<long> SequencesAfter(Participant viewer, long afterPosition, int maxCount)
    {
        afterPosition = Math.Max(0, afterPosition);
        if (Visible(viewer) is not { } visible)
        {
            var count = (int)Math.Clamp(Sequence - afterPosition, 0, maxCount);
            return [.. Enumerable.Range(0, count).Select(i => afterPosition + 1 + i)];
        }

        return afterPosition >= visible.Count ? [] : visible.GetRange((int)afterPosition, (int)Math.Min(maxCount, visible.Count - afterPosition));
    }

    /// <summary>
    /// Whether a client of <paramref name="viewer"/> at <paramref name="afterPosition"/> can carry on from there in
    /// the viewer's numbering now. An observer's numbering changes when the review opens (from the public count to
    /// the log's sequence); a position it was given before cannot be continued and needs a fresh snapshot.
    /// </summary>
    public bool Continues(Participant viewer, long afterPosition) =>
        !(viewer.Role == ParticipantRole.Observer && VisibilityPolicy.HasFullView(viewer) && afterPosition < ReviewOpenedAt);

    private List<long>? Visible(Participant viewer)
    {
        if (VisibilityPolicy.NumberingOf(viewer) is not { } numbering)
        {
            return null;
        }

        if (!_visible.TryGetValue(numbering, out var visible))
        {
            var stand = VisibilityPolicy.ViewerOf(numbering);
            visible = [.. _audiences.Select((audience, i) => (audience, sequence: i + 1L)).Where(a => VisibilityPolicy.MaySee(stand, a.audience)).Select(a => a.sequence)];
            _visible[numbering] = visible;
        }

        return visible;
    }
}
