using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Visibility;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Visibility;

/// <summary>
/// Each viewer's own numbering (docs/visibility.md): the n-th event it may see is number n, so what a team is shown
/// says nothing about what happened out of its sight.
/// </summary>
public class ViewerNumberingTests
{
    private static readonly Participant Ardenia = Participant.Team("ARD");

    [Fact]
    public void A_teams_positions_count_only_what_it_may_see_and_control_counts_the_log()
    {
        var log = Log(Audience.Public, Audience.ToNation("BOR"), Audience.Control, Audience.ToNation("ARD"), Audience.ToNations(["ARD", "CAL"]), Audience.ToNation("BOR"));
        var numbering = Numbered(log);

        Assert.Equal([0, 1, 1, 1, 2, 3, 3], Enumerable.Range(0, 7).Select(s => numbering.PositionAt(Ardenia, s)));
        Assert.Equal([1L, 4L, 5L], numbering.SequencesAfter(Ardenia, 0, 10));
        Assert.Equal([5L], numbering.SequencesAfter(Ardenia, 2, 10));
        Assert.Equal(1, numbering.PositionAt(Participant.Observer, 6));
        Assert.Equal(6, numbering.PositionAt(Participant.Facilitator, 6));
        Assert.Equal([3L, 4L], numbering.SequencesAfter(Participant.Facilitator, 2, 2));
    }

    [Fact]
    public void A_team_is_shown_its_events_numbered_1_to_n_without_command_ids_or_stream_versions()
    {
        var log = Log(Audience.Public, Audience.ToNation("BOR"), Audience.ToNation("ARD"));

        var shown = ViewerEvents.Visible(log, Ardenia, 0);
        var control = ViewerEvents.Visible(log, Participant.Facilitator, 0);

        Assert.Equal([1L, 2L], shown.Select(e => e.Sequence));
        Assert.All(shown, e => Assert.Null(e.CommandId));
        Assert.All(shown, e => Assert.Equal(0, e.StreamVersion));
        Assert.Equal([1L, 2L, 3L], control.Select(e => e.Sequence));
        Assert.All(control, e => Assert.NotNull(e.CommandId));
    }

    [Fact]
    public void An_observers_numbering_moves_to_the_log_when_the_review_opens_and_an_older_position_cannot_continue()
    {
        var log = Log(Audience.Public, Audience.Control, Audience.ToNation("ARD")).ToList();
        log.Add(Recorded(4, Audience.Public, new ReviewOpened()));
        var numbering = Numbered(log);
        var reviewing = VisibilityPolicy.InExercise(Participant.Observer, reviewOpen: true);

        Assert.Equal(2, numbering.PositionAt(Participant.Observer, 4));
        Assert.Equal(4, numbering.PositionAt(reviewing, 4));
        Assert.False(numbering.Continues(reviewing, 2)); // a position in the public count, from before the review
        Assert.True(numbering.Continues(reviewing, 4));
        Assert.True(numbering.Continues(Participant.Observer, 2));
        Assert.True(numbering.Continues(Ardenia, 0));
    }

    [Fact]
    public void What_a_team_is_shown_is_the_same_whatever_others_did_out_of_its_sight()
    {
        // A log of events ARD may see, and the same log with any number of hidden events (other teams' private
        // business, control's) slipped in anywhere: ARD's numbered stream must be identical.
        var seen = Gen.Elements(Audience.Public, Audience.ToNation("ARD"), Audience.ToNations(["ARD", "CAL"])).ListOf();
        var hidden = Gen.Elements(Audience.Control, Audience.ToNation("BOR"), Audience.ToNations(["BOR", "CAL"]), Audience.Backchannel("BOR", "CAL"));
        var insertions = Gen.Zip(Gen.Choose(0, 1000), hidden).ListOf();
        Prop.ForAll(Gen.Zip(seen, insertions).ToArbitrary(), c =>
        {
            var (visible, extra) = c;
            var quiet = Interleave(visible, []);
            var busy = Interleave(visible, [.. extra]);
            var quietNumbering = Numbered(quiet);
            var busyNumbering = Numbered(busy);

            var quietShown = Shown(ViewerEvents.Visible(quiet, Ardenia, 0));
            var busyShown = Shown(ViewerEvents.Visible(busy, Ardenia, 0));
            return quietShown.SequenceEqual(busyShown)
                && quietShown.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, visible.Count).Select(i => (long)i))
                && quietNumbering.PositionAt(Ardenia, quietNumbering.Sequence) == busyNumbering.PositionAt(Ardenia, busyNumbering.Sequence);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>What a viewer can read of an event, timestamps aside (they are the same in both logs here anyway).</summary>
    private static List<(long Sequence, string Stream, long StreamVersion, string? CommandId, string Event, Audience Audience)> Shown(IEnumerable<RecordedEvent> events) =>
        [.. events.Select(e => (e.Sequence, e.Stream, e.StreamVersion, e.CommandId, ((NewsPublished)e.Event).Headline, e.Audience))];

    private static List<RecordedEvent> Interleave(List<Audience> visible, List<(int At, Audience Audience)> hidden)
    {
        var audiences = new List<(Audience Audience, string Headline)>();
        for (var i = 0; i < visible.Count; i++)
        {
            audiences.Add((visible[i], $"seen {i}"));
        }

        foreach (var (at, audience) in hidden)
        {
            audiences.Insert(Math.Min(at, audiences.Count), (audience, "hidden"));
        }

        return [.. audiences.Select((a, i) => Recorded(i + 1, a.Audience, new NewsPublished($"n{i}", a.Headline, "", "control")))];
    }

    private static IEnumerable<RecordedEvent> Log(params Audience[] audiences) =>
        audiences.Select((audience, i) => Recorded(i + 1, audience, new NewsPublished($"n{i}", $"event {i + 1}", "", "control")));

    // Every event on one stream, so its stream version would tell a team how many it did not see.
    private static RecordedEvent Recorded(long sequence, Audience audience, DomainEvent domainEvent) =>
        new("ex", sequence, "exercise", sequence, DateTimeOffset.UnixEpoch, $"code:cmd-{sequence}", audience, domainEvent);

    private static ViewerNumbering Numbered(IEnumerable<RecordedEvent> log)
    {
        var numbering = new ViewerNumbering();
        foreach (var recorded in log)
        {
            numbering.Add(recorded);
        }

        return numbering;
    }
}
