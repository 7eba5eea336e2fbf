using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CrisisGrid.Diagnostics;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Gateway.Tests.Operations;

/// <summary>
/// Operators follow a slow command through one trace: the gateway's request, the grain that decided it, and the
/// append that made it durable. The test names spans by what they are, not by which process runs them, so it holds
/// whether the silo runs inside the gateway or beside it.
/// </summary>
public sealed class CommandTraceTests : GatewayTest
{
    private readonly TelemetryCapture _telemetry = new();

    protected override Action<IServiceCollection>? Services => _telemetry.Attach;

    [Fact]
    public async Task One_command_is_one_trace_from_the_gateway_request_to_the_event_log_append()
    {
        var session = await ExerciseSession.Create(Api);
        var traceId = ActivityTraceId.CreateRandom();

        // The caller's own trace context (W3C traceparent), as a browser or load tool with tracing would send it.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{session.ExerciseId}/commands")
        {
            Content = JsonContent.Create(new { commandId = "traced-start", type = "exercise.start" }, options: GatewayJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Facilitator);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await Gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The server span ends just after the response is written, so wait for it rather than assume it is there.
        var spans = await Eventually.Until(
            () => Task.FromResult(_telemetry.Trace(traceId)),
            s => s.Any(IsGatewayRequest) && s.Any(IsAppend),
            "the command's trace to reach the append");

        var gateway = Assert.Single(spans, IsGatewayRequest);
        var command = Assert.Single(spans, s => s.OperationName == CrisisGridTelemetry.CommandSpan && (string?)s.GetTagItem(CrisisGridTelemetry.Tags.Command) == "Exercise.Start");
        Assert.Equal("accepted", command.GetTagItem(CrisisGridTelemetry.Tags.Outcome));
        var appends = spans.Where(IsAppend).ToList();
        Assert.Contains(appends, a => (string?)a.GetTagItem(CrisisGridTelemetry.Tags.Exercise) == session.ExerciseId);

        // One tree: the command's own append sits under its span, and everything it set off (the outbox's steps in
        // other grains, their appends) under the gateway's request.
        Assert.Contains(appends, a => DescendsFrom(a, command, spans));
        Assert.True(DescendsFrom(command, gateway, spans), "the command span is not under the gateway's request");
        Assert.All(spans.Where(s => s != gateway), s => Assert.True(DescendsFrom(s, gateway, spans), $"{s.DisplayName} is not under the gateway's request"));
    }

    private static bool IsGatewayRequest(Activity span) =>
        span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore" && span.DisplayName.StartsWith("POST", StringComparison.Ordinal);

    private static bool IsAppend(Activity span) => span.OperationName == CrisisGridTelemetry.AppendSpan;

    private static bool DescendsFrom(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; parent != default; parent = bySpanId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
