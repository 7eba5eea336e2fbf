using System.Collections.Concurrent;
using System.Net;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.News;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Gateway.Tests.Cluster;

/// <summary>What operators rely on when a silo dies in the middle of an exercise.</summary>
public sealed class SiloLossTests : ClusterTest
{
    private async Task<IReadOnlyList<RecordedEvent>> Log(string exerciseId) =>
        await Cluster.Services.GetRequiredService<IEventLog>().ReadExerciseAsync(exerciseId);

    /// <summary>
    /// Sends news bulletins with client-chosen ids through both gateways, as two facilitators would, retrying each
    /// until it is acknowledged — with the same id, as the web client does after an error.
    /// </summary>
    private static async Task<int> Bulletins(GatewayApi api, string token, string exerciseId, string client, int count, Action<int> acknowledged)
    {
        var retries = 0;
        for (var n = 0; n < count; n++)
        {
            while (true)
            {
                try
                {
                    using var response = await api.Send(token, exerciseId, "exercise.publishNews", new { headline = $"{client}-{n}", body = "Ministries report a quiet night." }, $"{client}-{n}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged(n);
                        break;
                    }

                    Assert.True((int)response.StatusCode >= 500, $"bulletin {client}-{n} was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException)
                {
                    // the gateway could not answer: try again with the same id
                }

                retries++;
            }
        }

        return retries;
    }

    [Fact]
    public async Task A_silo_killed_under_a_command_stream_loses_no_acknowledged_event_applies_retries_once_and_the_exercise_goes_on()
    {
        var session = await ExerciseSession.Create(ApiA);
        await ApiA.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await HostOnTheVictim(session.ExerciseId);
        var acknowledged = new ConcurrentBag<string>();
        var killAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var streams = new[] { ("a", ApiA), ("b", ApiB) }.Select(c => Task.Run(() => Bulletins(c.Item2, session.Facilitator, session.ExerciseId, c.Item1, 40, n =>
        {
            acknowledged.Add($"{c.Item1}-{n}");
            if (acknowledged.Count == 20)
            {
                killAfter.TrySetResult();
            }
        }))).ToList();

        await killAfter.Task;
        await KillTheVictim();
        await Task.WhenAll(streams);

        var log = await Log(session.ExerciseId);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Sequence)); // gapless, no fork
        var headlines = log.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline).ToList();
        Assert.Equal(80, acknowledged.Count);
        Assert.Equal(acknowledged.Order(), headlines.Order()); // every acknowledged bulletin exactly once

        // The exercise goes on on the survivors.
        await ApiB.Accept(session.Facilitator, session.ExerciseId, "exercise.advance");
        Assert.Equal(TurnPhase.Orders, (await Cluster.Grains.GetGrain<IExerciseGrain>(session.ExerciseId).GetState()).Phase);
    }

    [Fact]
    public async Task Clients_on_two_gateways_receive_every_entitled_event_gapless_while_a_silo_dies()
    {
        var session = await ExerciseSession.Create(ApiA);
        await using var controlOnA = await LiveClient.JoinAsync(GatewayA.BaseAddress, session.Facilitator);
        await using var observerOnB = await LiveClient.JoinAsync(GatewayB.BaseAddress, session.Observer);
        await using var ardeniaOnB = await LiveClient.JoinAsync(GatewayB.BaseAddress, session.Ardenia);
        await ApiA.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await HostOnTheVictim(session.ExerciseId);

        var half = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        var stream = Task.Run(() => Bulletins(ApiA, session.Facilitator, session.ExerciseId, "live", 30, _ =>
        {
            if (Interlocked.Increment(ref count) == 10)
            {
                half.TrySetResult();
            }
        }));
        await half.Task;
        await KillTheVictim();
        await stream;
        var last = await ApiB.Accept(session.Facilitator, session.ExerciseId, "exercise.publishNews", new { headline = "last", body = "End of the stream." });

        var log = await Log(session.ExerciseId);
        foreach (var client in new[] { controlOnA, observerOnB, ardeniaOnB })
        {
            await client.CatchUpTo(last.LastSequence!.Value, TimeSpan.FromSeconds(60));
            var sequences = client.Applied.Select(e => e.Sequence).ToList();
            Assert.Equal(sequences.Distinct().Order(), sequences); // in order, no duplicates
        }

        // Gapless for what each may see: control got every event after its snapshot; the others every public one.
        Assert.Equal(log.Where(e => e.Sequence > controlOnA.Snapshot.Sequence).Select(e => e.Sequence), controlOnA.Applied.Select(e => e.Sequence));
        // (Teams and observers count only what they may see, docs/visibility.md: compare what they got, not numbers.)
        var news = log.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline).ToList();
        Assert.Equal(31, news.Count);
        Assert.All(new[] { observerOnB, ardeniaOnB }, c => Assert.Equal(news, c.Applied.Select(e => e.Event).OfType<NewsPublished>().Select(n => n.Headline)));
    }
}
