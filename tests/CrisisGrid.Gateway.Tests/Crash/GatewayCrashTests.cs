using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Crash;

/// <summary>
/// Issue 2: kill the gateway process mid-exercise (SIGKILL, commands in flight), restart it on the same data, and
/// nothing acknowledged is lost, the log has no gap, no command half happened, and retries apply exactly once.
/// </summary>
public sealed class GatewayCrashTests : IDisposable
{
    private const int AcknowledgedBeforeKill = 80;
    private readonly TempDirectory _data = new();

    /// <summary>One command as sent: who sent it, with which client id, and what it must leave in the log.</summary>
    private sealed record Sent(string Token, string CommandId, string Type, object Args, string Kind, string Key);

    private sealed record Acknowledged(Sent Command, long FirstSequence, long LastSequence);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Killed_mid_exercise_and_restarted_it_has_lost_nothing_acknowledged_and_applies_retries_once()
    {
        await using var gateway = await GatewayProcess.StartAsync(_data.Path);
        var api = new GatewayApi(gateway.Http);
        var session = await ExerciseSession.Create(api);
        await api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        await api.Accept(session.Facilitator, session.ExerciseId, "exercise.advance"); // orders phase: teams may give orders

        // Several clients send commands as fast as they are answered; the process is killed while they are in flight.
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var unanswered = new ConcurrentBag<Sent>();
        using var stop = new CancellationTokenSource();
        var streams = new (string Token, Func<int, int, Sent> Next)[]
        {
            (session.Facilitator, (s, i) => News(session.Facilitator, $"crash-news-{s}-{i}")),
            (session.Facilitator, (s, i) => News(session.Facilitator, $"crash-news-{s}-{i}")),
            (session.Facilitator, (s, i) => Inject(session.Facilitator, $"crash-inject-{s}-{i}")),
            (session.Ardenia, (s, i) => Order(session.Ardenia, $"ard-{s}-{i / 2}", withdraw: i % 2 == 1)),
            (session.Ardenia, (s, i) => Order(session.Ardenia, $"ard-{s}-{i / 2}", withdraw: i % 2 == 1)),
            (session.Borovia, (s, i) => Order(session.Borovia, $"bor-{s}-{i / 2}", withdraw: i % 2 == 1)),
        };
        var senders = streams.Select((stream, s) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var command = stream.Next(s, i);
                try
                {
                    using var response = await api.Send(command.Token, session.ExerciseId, command.Type, command.Args, command.CommandId);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command.Type} {command.CommandId}: {(int)response.StatusCode} {body}");
                    var reply = JsonSerializer.Deserialize<CommandReply>(body, GatewayJson.Options)!;
                    acknowledged.Add(new Acknowledged(command, reply.FirstSequence!.Value, reply.LastSequence!.Value));
                }
                catch (HttpRequestException)
                {
                    unanswered.Add(command); // in flight when the process died, or sent after: it may or may not have happened
                    return;
                }
            }
        })).ToList();

        await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= AcknowledgedBeforeKill, "commands to be acknowledged", TimeSpan.FromSeconds(60));
        await gateway.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        // Same data folder, new process; the tokens issued before the crash still open the exercise.
        await using var restarted = await GatewayProcess.StartAsync(_data.Path);
        api = new GatewayApi(restarted.Http);
        var log = await ReadLog(api, session);

        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e["sequence"]!.GetValue<long>())); // gapless, 1..n
        var commandIds = await CodeIds(api, session);
        // A reply gives its sender's own numbers (a team counts only what it may see, and is shown no command ids):
        // each command's events are at those numbers in the log as its sender reads it.
        var logsBySender = new Dictionary<string, List<JsonNode>>();
        foreach (var ack in acknowledged)
        {
            var token = ack.Command.Token;
            var senderLog = token == session.Facilitator ? log : logsBySender.TryGetValue(token, out var read) ? read : logsBySender[token] = await ReadLog(api, session, token);
            var recorded = token == session.Facilitator
                ? log.Where(e => (string?)e["commandId"] == commandIds[token] + ":" + ack.Command.CommandId).ToList()
                : senderLog.Where(e => Is(e, ack.Command)).ToList();
            Assert.Equal(Enumerable.Range((int)ack.FirstSequence, (int)(ack.LastSequence - ack.FirstSequence + 1)).Select(i => (long)i), recorded.Select(e => e["sequence"]!.GetValue<long>()));
            Assert.Equal(1, Effects(log, ack.Command));
        }

        foreach (var command in unanswered)
        {
            var recorded = log.Where(e => (string?)e["commandId"] == commandIds[command.Token] + ":" + command.CommandId).ToList();
            Assert.Contains(Effects(log, command), new[] { 0, 1 });
            Assert.True(recorded.Count == 0 || recorded.Count == ExpectedEvents(command), $"{command.CommandId} half happened: {recorded.Count} event(s)");
        }

        // Retrying every unanswered command with its id applies it once; retrying an acknowledged one changes nothing.
        var retried = unanswered.Concat(acknowledged.Take(10).Select(a => a.Command)).ToList();
        foreach (var command in retried)
        {
            var reply = await api.Accept(command.Token, session.ExerciseId, command.Type, command.Args, command.CommandId);
            Assert.Equal(acknowledged.Any(a => a.Command == command) || Effects(log, command) == 1, reply.Duplicate);
        }

        var after = await ReadLog(api, session);
        Assert.Equal(Enumerable.Range(1, after.Count).Select(i => (long)i), after.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.All(acknowledged.Select(a => a.Command).Concat(unanswered), command => Assert.Equal(1, Effects(after, command)));
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill);
    }

    private static Sent News(string token, string headline) =>
        new(token, headline, "exercise.publishNews", new { headline, body = "Acknowledged means durable." }, "news", headline);

    private static Sent Inject(string token, string id) =>
        new(token, id, "exercise.injectAdHoc",
            new InjectAdHoc(new InjectDefinition(id, $"Drill {id}", InjectKind.CyberAttack, InjectSchedule.Manual, new InjectTargets(false, ["ARD", "BOR"], []), [], [],
                new NewsItem($"Headline {id}", "A drill.", System.Collections.Immutable.ImmutableDictionary<string, int>.Empty), $"Brief {id}")),
            "inject", id);

    // A statement costs one of four action points; each stream withdraws its order before giving the next.
    private static Sent Order(string token, string orderId, bool withdraw) => withdraw
        ? new(token, $"withdraw-{orderId}", "nation.withdrawOrder", new { orderId }, "withdrawal", orderId)
        : new(token, orderId, "nation.submitOrder", new { orderId, action = new { kind = "publicStatement", tone = "firm", text = "We hold." } }, "order", orderId);

    /// <summary>How many times the command's effect is in the log: a news item, an inject's release, an order.</summary>
    private static int Effects(List<JsonNode> log, Sent command) => log.Count(e => Is(e, command));

    /// <summary>Whether <paramref name="e"/> is the effect of <paramref name="command"/>.</summary>
    private static bool Is(JsonNode e, Sent command) => command.Kind switch
    {
        "news" => (string?)e["event"]!["$type"] == "news.published" && (string?)e["event"]!["headline"] == command.Key,
        "inject" => (string?)e["event"]!["$type"] == "exercise.inject-released" && (string?)e["event"]!["inject"]!["id"] == command.Key,
        "withdrawal" => (string?)e["event"]!["$type"] == "nation.order-withdrawn" && (string?)e["event"]!["orderId"] == command.Key,
        _ => (string?)e["event"]!["$type"] == "nation.order-submitted" && (string?)e["event"]!["order"]!["orderId"] == command.Key,
    };

    // An inject's release, brief and news are one append; news, orders and withdrawals are one event each.
    private static int ExpectedEvents(Sent command) => command.Kind == "inject" ? 3 : 1;

    private static async Task<List<JsonNode>> ReadLog(GatewayApi api, ExerciseSession session, string? token = null)
    {
        var events = new List<JsonNode>();
        while (true)
        {
            var page = (await api.GetJson(token ?? session.Facilitator, $"/api/exercises/{session.ExerciseId}/events?after={events.Count}&max=2000")).AsArray();
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page.Select(e => e!));
        }
    }

    /// <summary>Command ids are scoped to the join code: each token's code id, as the gateway tells its holder.</summary>
    private static async Task<Dictionary<string, string>> CodeIds(GatewayApi api, ExerciseSession session)
    {
        var ids = new Dictionary<string, string>();
        foreach (var token in new[] { session.Facilitator, session.Ardenia, session.Borovia })
        {
            ids[token] = (string)(await api.GetJson(token, "/api/me"))["codeId"]!;
        }

        return ids;
    }
}
