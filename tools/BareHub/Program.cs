using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

// A bare SignalR hub: clients connect to /hubs/bare and call Join(group); POST /broadcast {groups, message} queues the
// message, answers 202, and one loop sends it in order to those groups (all clients when groups is null) as "Events".
// The loop mirrors the gateway's per-exercise pump, so both answer the HTTP request before fanning out.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSignalR();
builder.Services.AddSingleton(Channel.CreateUnbounded<Broadcast>(new UnboundedChannelOptions { SingleReader = true }));
builder.Services.AddHostedService<BroadcastLoop>();

var app = builder.Build();
app.UseWebSockets();
app.MapHub<BareBroadcastHub>("/hubs/bare");
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapPost("/broadcast", (Broadcast broadcast, Channel<Broadcast> queue) =>
    queue.Writer.TryWrite(broadcast) ? Results.Accepted() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
await app.RunAsync();

/// <summary>A message to fan out, and the groups that get it (null: everyone).</summary>
internal sealed record Broadcast(string[]? Groups, JsonElement Message);

internal sealed class BareBroadcastHub : Hub
{
    public async Task<object> Join(string group)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return new { group };
    }
}

internal sealed class BroadcastLoop(Channel<Broadcast> queue, IHubContext<BareBroadcastHub> hub, ILogger<BroadcastLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var broadcast in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var clients = broadcast.Groups is { } groups ? hub.Clients.Groups(groups) : hub.Clients.All;
                await clients.SendAsync("Events", broadcast.Message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Broadcast failed");
            }
        }
    }
}
