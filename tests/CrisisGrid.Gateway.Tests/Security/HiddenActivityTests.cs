using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Live;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// A team cannot infer what happened out of its sight (docs/visibility.md): every number it is given — pushed,
/// resynced, read over HTTP, in its snapshot, in its command replies — counts only the events it may see, 1, 2, 3 …
/// without gaps, and no command id or stream version tells it about others. The gapless resync guarantee still holds.
/// </summary>
public sealed class HiddenActivityTests : GatewayTest
{
    /// <summary>Everything a team can read of one event, apart from its exercise id and timestamp.</summary>
    private sealed record Seen(long Sequence, string Stream, long StreamVersion, string? CommandId, string Type, AudienceKind Audience, string Nations);

    /// <summary>Everything ARD was given during one run.</summary>
    private sealed record TeamStream(long JoinedAt, List<Seen> Pushed, long OrderReplyLast, List<Seen> Http, long SnapshotAt, List<Seen> Recent, long ResyncFrom, long ResyncTo, List<Seen> Resynced);

    [Fact]
    public async Task A_teams_numbers_are_the_same_whether_another_team_did_nothing_or_much_in_private()
    {
        var quiet = await Play(borMoves: 0);
        var busy = await Play(borMoves: 6);

        Assert.Equal(quiet.JoinedAt, busy.JoinedAt);
        Assert.Equal(quiet.Pushed, busy.Pushed);
        Assert.Equal(quiet.OrderReplyLast, busy.OrderReplyLast);
        Assert.Equal(quiet.Http, busy.Http);
        Assert.Equal(quiet.SnapshotAt, busy.SnapshotAt);
        Assert.Equal(quiet.Recent, busy.Recent);
        Assert.Equal((quiet.ResyncFrom, quiet.ResyncTo), (busy.ResyncFrom, busy.ResyncTo));
        Assert.Equal(quiet.Resynced, busy.Resynced);
    }

    [Fact]
    public async Task A_teams_pushed_resynced_and_HTTP_event_numbers_are_dense_from_1_to_what_it_may_see()
    {
        var run = await Play(borMoves: 3);
        var n = run.SnapshotAt;

        Assert.Equal(Dense(1, n), run.Http.Select(e => e.Sequence));
        Assert.Equal(Dense(1, n), run.Resynced.Select(e => e.Sequence));
        Assert.Equal((0, n), (run.ResyncFrom, run.ResyncTo));
        Assert.Equal(Dense(run.JoinedAt + 1, n - run.JoinedAt), run.Pushed.Select(e => e.Sequence));
        Assert.Equal(run.Http, run.Resynced);
        Assert.Equal(run.Http.Skip((int)run.JoinedAt), run.Pushed);
        Assert.All(run.Http, e => Assert.True(e.CommandId is null && e.StreamVersion == 0, $"{e.Type} carries an internal key"));
        Assert.All(run.Http, e => Assert.True(e.Audience == AudienceKind.Public || e.Nations.Contains("ARD", StringComparison.Ordinal), $"{e.Type} is not ARD's"));
    }

    [Fact]
    public async Task Exercise_control_is_still_numbered_by_the_log_with_its_internal_keys()
    {
        var session = await ExerciseSession.Create(Api);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var news = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "Log", body = "…" });

        var log = await Events(session.Facilitator, session.ExerciseId);
        Assert.Equal(Dense(1, news.LastSequence!.Value), log.Select(e => e.Sequence));
        Assert.Contains(log, e => e.CommandId is not null && e.StreamVersion > 0);
    }

    [Fact]
    public async Task A_team_that_loses_pushed_events_still_resyncs_them_all_in_its_own_numbering()
    {
        var session = await ExerciseSession.Create(Api);
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "Lost", body = "…" });

        // Take pushed batches off the wire without applying them, up to and including the lost news.
        while (!(await ardenia.Connection.Next<EventBatch>("Events")).Events.Any(e => e.Event is NewsPublished { Headline: "Lost" }))
        {
        }

        var last = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "After the gap", body = "…" });
        await ardenia.CatchUpTo(last.LastSequence!.Value);

        Assert.True(ardenia.Resyncs >= 1);
        Assert.Equal(["Lost", "After the gap"], ardenia.Applied.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline));
        Assert.Equal(Dense(ardenia.Snapshot.Sequence + 1, ardenia.Applied.Count), ardenia.Applied.Select(e => e.Sequence));
        Assert.Equal(ardenia.Applied[^1].Sequence, ardenia.Watermark);
    }

    /// <summary>
    /// One run on a fresh exercise: ARD watches live and gives an order; BOR gives and withdraws
    /// <paramref name="borMoves"/> orders of its own (private to BOR) while control issues as many join codes
    /// (control only); control's closing news is public.
    /// </summary>
    private async Task<TeamStream> Play(int borMoves)
    {
        var session = await ExerciseSession.Create(Api);
        var id = session.ExerciseId;
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        await Api.Accept(session.Facilitator, id, "exercise.start");
        await Api.Accept(session.Facilitator, id, "exercise.advance"); // orders phase
        using var order = await Api.Send(session.Ardenia, id, "nation.submitOrder", new { orderId = "ard-1", action = new { kind = "mobilise" } });
        var orderReply = JsonNode.Parse(await order.Content.ReadAsStringAsync())!;
        for (var i = 0; i < borMoves; i++)
        {
            await Api.Accept(session.Borovia, id, "nation.submitOrder", new { orderId = $"bor-{i}", action = new { kind = "hold" } });
            await Api.Accept(session.Borovia, id, "nation.withdrawOrder", new { orderId = $"bor-{i}" });
            await Api.IssueCode(session.Facilitator, id, "team", "BOR");
        }

        var closing = await Api.Accept(session.Facilitator, id, "exercise.publishNews", new { headline = "Closing", body = "…" });
        await ardenia.CatchUpTo(closing.LastSequence!.Value);
        Assert.Contains(ardenia.Applied, e => e.Event is NewsPublished { Headline: "Closing" });

        var snapshot = await Api.GetJson(session.Ardenia, $"/api/exercises/{id}");
        await using var fresh = await SignalRTestClient.ConnectAsync(Gateway.BaseAddress, session.Ardenia);
        var resync = await fresh.Invoke<ResyncReply>("Resync", 0L);
        return new TeamStream(
            ardenia.Snapshot.Sequence,
            [.. ardenia.Applied.Select(AsSeen)],
            (long)orderReply["lastSequence"]!,
            await Events(session.Ardenia, id),
            (long)snapshot["sequence"]!,
            [.. snapshot["recent"]!.Deserialize<List<RecordedEvent>>(GatewayJson.Options)!.Select(AsSeen)],
            resync.Batch!.From,
            resync.Batch.To,
            [.. resync.Batch.Events.Select(AsSeen)]);
    }

    private async Task<List<Seen>> Events(string token, string exerciseId) =>
        [.. (await Api.GetJson(token, $"/api/exercises/{exerciseId}/events?after=0&max=2000")).Deserialize<List<RecordedEvent>>(GatewayJson.Options)!.Select(AsSeen)];

    private static Seen AsSeen(RecordedEvent e) =>
        new(e.Sequence, e.Stream, e.StreamVersion, e.CommandId, e.Event.GetType().Name, e.Audience.Kind, string.Join(",", e.Audience.Nations));

    private static IEnumerable<long> Dense(long first, long count) => Enumerable.Range(0, (int)count).Select(i => first + i);
}
