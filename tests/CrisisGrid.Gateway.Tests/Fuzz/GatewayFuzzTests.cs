using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Tests.Support;
using Xunit.Abstractions;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>
/// Seeded hostile inputs over every HTTP endpoint and hub method of a running gateway. For each input: no 5xx, every
/// error is a problem document without internals, the server answers, and a refused input changes nothing (no event
/// carries a refused command's id; no exercise appears from a refused upload). CI runs a few thousand inputs;
/// CRISISGRID_FUZZ_INPUTS (and CRISISGRID_FUZZ_SEED) make a longer run, see docs/fuzzing.md.
/// </summary>
public sealed class GatewayFuzzTests(ITestOutputHelper output) : GatewayTest
{
    private const int DefaultInputs = 3_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Hub rate limits high enough that inputs reach the methods; the join limit low enough that 429s are fuzzed too.
        ["Gateway:Limits:MessagesPerSecond"] = "100000",
        ["Gateway:Limits:MessageBurst"] = "100000",
        ["Gateway:Limits:JoinAttemptsPerMinute"] = "100",
        ["Operators:Keys:0"] = "fuzz-operator-key",
    };

    [Fact]
    public async Task Hostile_inputs_over_every_endpoint_and_hub_method_get_4xx_problems_and_change_nothing()
    {
        var inputs = int.TryParse(Environment.GetEnvironmentVariable("CRISISGRID_FUZZ_INPUTS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultInputs;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRISISGRID_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261203;
        var targets = await Prepare();
        var generator = new FuzzInputs(seed, targets);
        var report = new FuzzReport();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var created = 0;
        var exercisesBefore = await CountExercises();
        var clock = Stopwatch.StartNew();

        var httpInputs = Environment.GetEnvironmentVariable("CRISISGRID_FUZZ_HUB_ONLY") is { Length: > 0 } ? 0 : inputs * 3 / 4;
        for (var i = 0; i < httpInputs; i++)
        {
            created += await OneRequest(generator.NextRequest(), report, refused) ? 1 : 0;
            if (i % 250 == 0)
            {
                await StillAnswers(report);
            }
        }

        await FuzzHub(generator, targets, inputs - httpInputs, report, refused);
        await StillAnswers(report);

        report.StateChanges = await EventsFromRefusedCommands(targets.ExerciseId, refused, report)
            + Math.Abs(await CountExercises() - exercisesBefore - created);
        report.ErrorLogLines = Gateway.Logs.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        foreach (var line in Gateway.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Take(3))
        {
            report.Example("error log: " + line);
        }

        var summary = $"seed {seed}, {clock.Elapsed.TotalSeconds:F1} s, {refused.Count} refused commands tracked\n{report}";
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("CRISISGRID_FUZZ_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, summary);
        }

        Assert.True(report.Clean, summary);
        Assert.True(report.Inputs >= inputs, summary);
    }

    /// <returns>Whether the input created an exercise.</returns>
    private async Task<bool> OneRequest(FuzzRequest request, FuzzReport report, HashSet<string> refused)
    {
        var clock = Stopwatch.StartNew();
        var response = await RawHttp.Send(Gateway.BaseAddress, request.Bytes);
        report.Record(request.Route, clock.Elapsed.TotalMilliseconds, response.Status.ToString(CultureInfo.InvariantCulture));
        var what = $"{request.Route} → {response.Status} {response.Body}";
        if (response.Status == 0)
        {
            report.NoAnswer($"{request.Route}: no HTTP answer to {Head(request)}");
        }
        else if (response.Status >= 500)
        {
            report.ServerError(what);
        }
        else if (response.Status >= 400)
        {
            var problem = ProblemShape.Check(response.Status, response.ContentType, response.Body);
            if (response.Status == 429 && !response.Headers.ContainsKey("Retry-After"))
            {
                problem = "429 without Retry-After";
            }

            if (problem is not null && !(Method(request) == "HEAD" && response.Body.Length == 0))
            {
                report.NonProblem($"{problem}: {what} for {Head(request)}");
            }

            if (request.ScopedCommandId is { } id)
            {
                refused.Add(id);
            }
        }
        else if (ProblemShape.Leak(response.Body) is { } leak && request.Route != "GET /ops/metrics")
        {
            report.Leak($"'{leak}' in {what}");
        }

        return response.Status == 201 && request.Route == "POST /api/exercises";
    }

    private async Task FuzzHub(FuzzInputs generator, FuzzTargets targets, int count, FuzzReport report, HashSet<string> refused)
    {
        var who = 0;
        RawHub? hub = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var (_, token, codeId) = targets.Tokens[who++ % targets.Tokens.Count];
                if (hub is null || !hub.IsOpen || i % 50 == 0)
                {
                    if (hub is not null)
                    {
                        await hub.DisposeAsync();
                    }

                    hub = await RawHub.Connect(Gateway.BaseAddress, token);
                }

                var frame = generator.NextFrame(codeId);
                var clock = Stopwatch.StartNew();
                HubAnswer answer;
                if (frame.InvocationId is { } id)
                {
                    answer = await hub.Exchange(frame.Text, id, TimeSpan.FromSeconds(10));
                }
                else
                {
                    // Nothing is due for this frame: the next call, in a message of its own, shows whether the connection still
                    // answers. (In the same message it would wait: SignalR stops reading a message at a type it ignores.)
                    await hub.SendText(frame.Text);
                    answer = await hub.Exchange("{\"type\":1,\"invocationId\":\"probe\",\"target\":\"Snapshot\",\"arguments\":[]}", "probe", TimeSpan.FromSeconds(10));
                }

                var outcome = answer.Closed ? "hub-closed" : answer.Error is not null ? "hub-error" : answer.Result is not null || answer.Raw.Length > 0 ? "hub-result" : "hub-none";
                report.Record("hub " + frame.Method, clock.Elapsed.TotalMilliseconds, outcome);
                if (clock.Elapsed > TimeSpan.FromSeconds(5))
                {
                    report.Example($"slow ({clock.Elapsed.TotalSeconds:F1} s, {outcome}): {Shorten(frame.Text)}");
                }

                Check(frame, answer, report, refused);
            }
        }
        finally
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private static void Check(FuzzFrame frame, HubAnswer answer, FuzzReport report, HashSet<string> refused)
    {
        foreach (var text in new[] { answer.Error, answer.CloseError })
        {
            if (text is not null && ProblemShape.Leak(text) is { } leak)
            {
                report.Leak($"'{leak}' in hub answer to {frame.Method}: {text}");
            }
        }

        if (!answer.Closed && answer.Raw.Length == 0)
        {
            report.NoAnswer($"hub {frame.Method}: no answer to {Shorten(frame.Text)}");
        }

        if (frame.ScopedCommandId is { } id && (answer.Error is not null || answer.Closed || answer.Result?["accepted"]?.GetValue<bool>() == false))
        {
            refused.Add(id);
            if (answer.Result?["problem"]?.ToJsonString() is { } problem && ProblemShape.Leak(problem) is { } leak)
            {
                report.Leak($"'{leak}' in a refusal of Send: {problem}");
            }
        }
    }

    private async Task StillAnswers(FuzzReport report)
    {
        using var response = await Gateway.Http.GetAsync("/health");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            report.NoAnswer($"/health answered {(int)response.StatusCode}");
        }
    }

    private async Task<int> EventsFromRefusedCommands(string exerciseId, HashSet<string> refused, FuzzReport report)
    {
        var facilitator = (await Prepared()).Facilitator;
        var changes = 0;
        long after = 0;
        while (true)
        {
            var events = (await Api.GetJson(facilitator, $"/api/exercises/{exerciseId}/events?after={after}&max=2000")).AsArray();
            if (events.Count == 0)
            {
                return changes;
            }

            foreach (var e in events)
            {
                if ((string?)e!["commandId"] is { } id && refused.Contains(id))
                {
                    changes++;
                    report.Example($"event {(long)e["sequence"]!} came from refused command {id}");
                }
            }

            after = (long)events[^1]!["sequence"]!;
        }
    }

    private async Task<int> CountExercises() => (await Api.GetJson(null, "/api/exercises")).AsArray().Count;

    private ExerciseSession? _session;

    private async Task<ExerciseSession> Prepared() => _session ??= await ExerciseSession.Create(Api);

    private async Task<FuzzTargets> Prepare()
    {
        var session = await Prepared();
        await Api.Accept(session.Facilitator, session.ExerciseId, "exercise.start");
        var other = await Api.CreateExercise();
        var tokens = new List<(string, string, string)>();
        foreach (var (name, token) in new[] { ("facilitator", session.Facilitator), ("ARD", session.Ardenia), ("BOR", session.Borovia), ("observer", session.Observer) })
        {
            tokens.Add((name, token, (string)(await Api.GetJson(token, "/api/me"))["codeId"]!));
        }

        using var joined = await Gateway.Http.PostAsJsonAsync("/api/join", new { code = await Api.IssueCode(session.Facilitator, session.ExerciseId, "observer") });
        var refresh = (string)(await joined.Content.ReadFromJsonAsync<JsonObject>())!["refreshToken"]!;
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scenarios", "small-test.yaml"));
        return new FuzzTargets(session.ExerciseId, other.ExerciseId, tokens, refresh, yaml, [.. CommandDispatcher.Types]);
    }

    private static string Method(FuzzRequest request) => System.Text.Encoding.Latin1.GetString(request.Bytes, 0, Math.Min(16, request.Bytes.Length)).Split(' ')[0];

    private static string Head(FuzzRequest request) => Shorten(System.Text.Encoding.Latin1.GetString(request.Bytes, 0, Math.Min(300, request.Bytes.Length)));

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
