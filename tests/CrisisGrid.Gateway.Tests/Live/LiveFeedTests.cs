using System.Text.Json;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Gateway.Tests.Live;

/// <summary>Several clients in different roles on one exercise, each receiving exactly what its role may see.</summary>
public sealed class LiveFeedTests : GatewayTest
{
    private static void AssertOrderedWithoutDuplicates(LiveClient client)
    {
        var sequences = client.Applied.Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task Each_role_receives_exactly_the_events_its_audience_allows_in_order()
    {
        var session = await ExerciseSession.Create(Api);
        await using var control = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Facilitator);
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        await using var borovia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Borovia);
        await using var observer = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Observer);

        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");
        await Api.Accept(session.Ardenia, session.ExerciseId, "nation.submitOrder", new { orderId = "o1", action = new { kind = "imposeSanctions", nation = "BOR" } });
        await Api.Accept(session.Borovia, session.ExerciseId, "nation.submitOrder", new { orderId = "o1", action = new { kind = "cyberOperation", nation = "ARD" } });
        var last = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");

        foreach (var client in new[] { control, ardenia, borovia, observer })
        {
            await client.CatchUpTo(last.LastSequence!.Value);
            AssertOrderedWithoutDuplicates(client);
        }

        // Exercise control sees every event of the log.
        var log = (await Api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after={control.Snapshot.Sequence}&max=2000")).AsArray();
        Assert.Equal(log.Select(e => e!["sequence"]!.GetValue<long>()), control.Applied.Select(e => e.Sequence));

        // A team sees public events and its own nation's, never another nation's private traffic.
        Assert.All(ardenia.Applied, e => Assert.True(e.Audience.Kind == AudienceKind.Public || e.Audience.Nations.Contains("ARD")));
        Assert.Contains(ardenia.Applied, e => e.Event is OrderSubmitted);
        Assert.Contains(ardenia.Applied, e => e.Event is OutcomeReported { Nation: "ARD" });
        Assert.DoesNotContain(ardenia.Applied, e => e.Event is OutcomeReported { Nation: "BOR" });
        Assert.DoesNotContain(ardenia.Applied, e => e.Event is ActionAdjudicated);
        Assert.Contains(borovia.Applied, e => e.Event is OutcomeReported { Nation: "BOR" });
        Assert.DoesNotContain(borovia.Applied, e => e.Event is OrderSubmitted { Order.Action: ImposeSanctions });

        // Observers get the public view only; the same public events as everyone, numbered by their own count.
        Assert.All(observer.Applied, e => Assert.Equal(AudienceKind.Public, e.Audience.Kind));
        var publicInControl = control.Applied.Where(e => e.Audience.Kind == AudienceKind.Public).Select(e => (e.Event.GetType(), e.RecordedAt));
        Assert.Equal(publicInControl, observer.Applied.Select(e => (e.Event.GetType(), e.RecordedAt)));
        Assert.Contains(observer.Applied, e => e.Event is NewsPublished);
    }

    [Fact]
    public async Task A_client_that_misses_events_while_disconnected_resyncs_without_gaps_or_duplicates()
    {
        var session = await ExerciseSession.Create(Api);
        await using var observer = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Observer);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var before = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "One", body = "1" });
        await observer.CatchUpTo(before.LastSequence!.Value);

        await observer.Connection.DisposeAsync(); // the network drops
        for (var i = 2; i <= 6; i++)
        {
            await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = $"News {i}", body = "…" });
        }

        var last = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "Seven", body = "7" });
        await observer.Reconnect(Gateway.BaseAddress, session.Observer);
        await observer.CatchUpTo(last.LastSequence!.Value);

        var headlines = observer.Applied.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline).ToList();
        Assert.Equal(["One", "News 2", "News 3", "News 4", "News 5", "News 6", "Seven"], headlines);
        AssertOrderedWithoutDuplicates(observer);
    }

    [Fact]
    public async Task A_batch_that_arrives_after_a_gap_triggers_a_resync_that_fills_it()
    {
        var session = await ExerciseSession.Create(Api);
        await using var control = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Facilitator);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var first = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "A", body = "a" });
        var second = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "B", body = "b" });

        // Lose the pushed batches up to B on purpose: take them off the wire without applying them.
        var lost = await control.DropPushesUpTo(second.LastSequence!.Value);
        Assert.Contains(lost, b => b.Events.Any(e => e.Event is NewsPublished { Headline: "B" }));
        var third = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "C", body = "c" });
        await control.CatchUpTo(third.LastSequence!.Value);

        Assert.True(control.Resyncs >= 1);
        Assert.Equal(["A", "B", "C"], control.Applied.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline));
        Assert.True(first.LastSequence < second.FirstSequence);
        AssertOrderedWithoutDuplicates(control);
    }

    [Fact]
    public async Task After_a_server_restart_a_client_resyncs_with_the_same_token_and_misses_nothing()
    {
        var session = await ExerciseSession.Create(Api);
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");
        var order = await Api.Accept(session.Ardenia, session.ExerciseId, "nation.submitOrder", new { orderId = "o1", action = new { kind = "mobilise" } });
        await ardenia.CatchUpTo(order.LastSequence!.Value);

        await Restart();
        var news = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "After restart", body = "…" });
        await ardenia.Reconnect(Gateway.BaseAddress, session.Ardenia);
        await ardenia.CatchUpTo(news.LastSequence!.Value);

        Assert.Contains(ardenia.Applied, e => e.Event is NewsPublished { Headline: "After restart" });
        var snapshot = await Api.GetJson(session.Ardenia, $"/api/exercises/{session.ExerciseId}");
        var orders = snapshot["nations"]!.AsArray().Single(n => (string)n!["code"]! == "ARD")!["private"]!["orders"]!.AsArray();
        Assert.Single(orders); // the order acknowledged before the restart survived it
        AssertOrderedWithoutDuplicates(ardenia);
    }

    [Fact]
    public async Task A_command_sent_twice_over_the_hub_is_applied_once()
    {
        var session = await ExerciseSession.Create(Api);
        await using var control = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Facilitator);
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var command = new CommandEnvelope("hub-news-1", "exercise.publishNews", JsonSerializer.SerializeToElement(new { headline = "Once", body = "…" }));

        var first = await control.Connection.Invoke<CommandReply>("Send", command);
        var retry = await control.Connection.Invoke<CommandReply>("Send", command);

        Assert.True(first.Accepted && retry.Accepted && retry.Duplicate);
        // A later event: once the client holds it, a second "Once" appended by the retry would have reached it too.
        var after = await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "After the retry", body = "…" });
        await control.CatchUpTo(after.LastSequence!.Value);

        Assert.Single(control.Applied, e => e.Event is NewsPublished { Headline: "Once" });
    }

    [Fact]
    public async Task A_refused_command_over_the_hub_comes_back_with_the_rule_and_changes_nothing()
    {
        var session = await ExerciseSession.Create(Api);
        await using var ardenia = await LiveClient.JoinAsync(Gateway.BaseAddress, session.Ardenia);
        var reply = await ardenia.Connection.Invoke<CommandReply>("Send", new CommandEnvelope("c1", "exercise.start"));
        Assert.False(reply.Accepted);
        Assert.Equal(RejectionCodes.Forbidden, reply.Problem!.Code);
        var snapshot = await ardenia.Connection.Invoke<Grains.World.ExerciseSnapshot>("Snapshot");
        Assert.Equal(ExerciseStatus.Draft, snapshot.Exercise.Status);
    }
}
