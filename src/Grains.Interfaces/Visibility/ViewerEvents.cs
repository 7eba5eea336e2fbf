using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Visibility;

/// <summary>How a recorded event is shown to one viewer.</summary>
public static class ViewerEvents
{
    /// <summary>
    /// The event as <paramref name="viewer"/> receives it: numbered by its own count (<paramref name="position"/>,
    /// see <see cref="ViewerNumbering"/>), and — unless it has the full view — without the internal keys that would
    /// tell it about activity it may not see: the command id (e.g. another team's, or "delivery/…" of the exercise's
    /// outbox, which carries a log sequence) and the stream version (a stream's count includes events hidden from it).
    /// </summary>
    public static RecordedEvent Project(RecordedEvent recorded, long position, Participant viewer) =>
        VisibilityPolicy.SeesInternalKeys(viewer)
            ? recorded with { Sequence = position }
            : recorded with { Sequence = position, CommandId = null, StreamVersion = 0 };

    /// <summary>
    /// The events of <paramref name="events"/> (in log order) that <paramref name="viewer"/> may see, each numbered in
    /// its numbering: <paramref name="positionBefore"/> is its position just before the first of them.
    /// </summary>
    public static List<RecordedEvent> Visible(IEnumerable<RecordedEvent> events, Participant viewer, long positionBefore)
    {
        var position = positionBefore;
        var visible = new List<RecordedEvent>();
        foreach (var recorded in events)
        {
            if (VisibilityPolicy.MaySee(viewer, recorded.Audience))
            {
                // The full view is numbered by the log itself; everyone else counts what it may see.
                position = VisibilityPolicy.NumberingOf(viewer) is null ? recorded.Sequence : position + 1;
                visible.Add(Project(recorded, position, viewer));
            }
        }

        return visible;
    }
}
