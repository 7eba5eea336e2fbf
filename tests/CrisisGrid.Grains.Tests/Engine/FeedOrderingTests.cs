using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>
/// The exercise feed hands out the log in order, once, however the grains' publishes arrive: grains of one exercise
/// commit in one order and publish in another, and a grain may die between its append and its publish. Events here
/// are appended straight to the log (as a grain would) and published by hand, in the order each rule needs.
/// </summary>
public sealed class FeedOrderingTests : EngineTest
{
    private const string Stream = "probe";

    private IEventLog Log => Driver.Silo.Services.GetRequiredService<IEventLog>();

    /// <summary>Appends <paramref name="count"/> public news events to the log without publishing them.</summary>
    private async Task<IReadOnlyList<RecordedEvent>> AppendUnpublished(int count)
    {
        var recorded = new List<RecordedEvent>();
        for (var i = 1; i <= count; i++)
        {
            var news = new PendingEvent(new NewsPublished($"probe-{i}", $"Bulletin {i}", "Quiet night.", "wire"), Audience.Public);
            recorded.AddRange(await Log.AppendAsync(Driver.ExerciseId, Stream, recorded.Count, null, [news]));
        }

        return recorded;
    }

    private async Task<long> Delivered() => (await Driver.Feed.GetSnapshot(Participant.Facilitator)).Sequence;

    private async Task StartedExercise()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
    }

    [Fact]
    public async Task An_event_published_ahead_of_an_earlier_one_is_held_until_the_earlier_arrives_then_both_go_out_in_order()
    {
        await StartedExercise();
        var before = await Delivered();
        var probes = await AppendUnpublished(2);

        await Driver.Feed.Publish([probes[1]]);
        Assert.Equal(before, await Delivered());

        await Driver.Feed.Publish([probes[0]]);
        Assert.Equal(probes[1].Sequence, await Delivered());
        var read = await Driver.Feed.Read(before, 10);
        Assert.Equal(probes.Select(p => p.Sequence), read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_event_whose_publish_never_comes_is_read_from_the_log_and_nothing_after_it_is_lost()
    {
        await StartedExercise();
        var before = await Delivered();
        var probes = await AppendUnpublished(3);

        // The grain that wrote the first two died before publishing them; only the third is published.
        await Driver.Feed.Publish([probes[2]]);

        await Eventually.Until(Delivered, delivered => delivered == probes[2].Sequence, "the feed to fill the gap from the log");
        var read = await Driver.Feed.Read(before, 10);
        Assert.Equal(probes.Select(p => p.Sequence), read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_position_asked_for_past_what_was_published_counts_the_events_in_the_log()
    {
        await StartedExercise();
        var team = Participant.Team("ARD");
        var before = await Driver.Feed.PositionAt(team, await Delivered());
        var probes = await AppendUnpublished(2);

        // A command answered before its publish arrived: the position still counts every public event up to it.
        Assert.Equal(before + 2, await Driver.Feed.PositionAt(team, probes[1].Sequence));
        Assert.Equal(probes[1].Sequence, await Delivered());
    }

    [Fact]
    public async Task Publishing_events_again_delivers_nothing_twice()
    {
        await StartedExercise();
        var before = await Delivered();
        var probes = await AppendUnpublished(2);

        await Driver.Feed.Publish(probes);
        await Driver.Feed.Publish(probes);
        await Driver.Feed.Publish([probes[0]]);

        var read = await Driver.Feed.Read(before, 10);
        Assert.Equal(probes.Select(p => p.Sequence), read.Select(e => e.Sequence));
    }
}
