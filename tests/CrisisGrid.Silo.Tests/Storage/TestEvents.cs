using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>Real events for storage tests (NewsPublished is the first concrete event type).</summary>
internal static class TestEvents
{
    public static PendingEvent NewsEvent(string id, Audience? audience = null) =>
        new(new NewsPublished(id, $"Headline {id}", $"Body of {id}: \"quoted\", ünïcödé, \u0001 control", "Reuters"), audience ?? Audience.Public);

    public static PendingEvent[] News(params string[] ids) => [.. ids.Select(id => NewsEvent(id))];

    public static string NewExerciseId() => $"ex-{Guid.NewGuid():N}";

    public static string Headline(RecordedEvent recorded) => ((NewsPublished)recorded.Event).Headline;
}
