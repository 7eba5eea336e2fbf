using System.Collections.Concurrent;
using CrisisGrid.Diagnostics;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Feed;
using Microsoft.AspNetCore.SignalR;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// Subscribes to the feed grain of every exercise that has live clients and fans its events out to SignalR groups,
/// filtered per kind of viewer, in sequence order and without gaps: a batch arriving ahead of what was delivered
/// is completed from the feed first. Subscriptions are renewed every few seconds on the real clock (the feed measures
/// their expiry on it): a renewal also resubscribes to a feed that was reactivated on another silo after its silo
/// died, and reports how far it is, so the pump reads whatever it missed meanwhile — delivery stays gapless.
/// </summary>
public sealed class FeedRelay(
    IGrainFactory grains,
    IHubContext<ExerciseHub, IExerciseClient> hub,
    LiveConnections connections,
    AccessGuard guard,
    CrisisGridMetrics metrics,
    ILogger<FeedRelay> logger) : IExerciseFeedObserver, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, ExercisePump> _pumps = new();
    private readonly CancellationTokenSource _stopping = new();
    private IExerciseFeedObserver? _reference;
    private Task? _renewals;
    private int _disposed;

    public void OnEvents(string exerciseId, IReadOnlyList<RecordedEvent> events)
    {
        if (_pumps.TryGetValue(exerciseId, out var pump))
        {
            pump.Enqueue(events);
        }
    }

    /// <summary>Makes sure the exercise's events flow to its groups and that <paramref name="groupKey"/> is served.</summary>
    public async Task Attach(string exerciseId, string groupKey)
    {
        // The pump exists (and queues events) before it subscribes, so nothing published meanwhile is dropped.
        var pump = _pumps.GetOrAdd(exerciseId, id => new ExercisePump(id, grains.GetGrain<IExerciseFeedGrain>(id), Subscribe, this, logger));
        await pump.Ready;
        await pump.EnsureGroup(groupKey);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The runtime holds observer objects weakly; this singleton keeps itself alive while subscribed.
        _reference = grains.CreateObjectReference<IExerciseFeedObserver>(this);
        _renewals = RenewLoop(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewals is not null)
        {
            await _renewals.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        foreach (var pump in _pumps.Values)
        {
            pump.Complete();
        }
    }

    // Registered as a singleton and as a hosted service, the container disposes this twice.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _stopping.CancelAsync();
            _stopping.Dispose();
        }
    }

    /// <summary>Subscribes to an exercise's feed; returns the sequence delivered so far and whether the review is open.</summary>
    private async Task<(long Delivered, bool ReviewOpen)> Subscribe(string exerciseId)
    {
        var feed = grains.GetGrain<IExerciseFeedGrain>(exerciseId);
        var delivered = await feed.Subscribe(_reference ?? throw new InvalidOperationException("The relay has not started."));
        return (delivered, (await feed.GetViewer(Participant.Observer)).FullView);
    }

    private async Task RenewLoop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            foreach (var (exerciseId, pump) in _pumps)
            {
                try
                {
                    if (!connections.HasConnections(exerciseId))
                    {
                        if (_pumps.TryRemove(exerciseId, out var idle))
                        {
                            await grains.GetGrain<IExerciseFeedGrain>(exerciseId).Unsubscribe(_reference!);
                            idle.Complete();
                        }

                        continue;
                    }

                    // Renewing also reports how far the feed is; a pump behind it catches up from the feed.
                    var feedAt = await grains.GetGrain<IExerciseFeedGrain>(exerciseId).Subscribe(_reference!);
                    pump.CatchUpTo(feedAt);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Renewing the feed subscription of {Exercise} failed", exerciseId);
                }
            }
        }
    }

    internal Task Send(string exerciseId, string groupKey, EventBatch batch) =>
        hub.Clients.Group(ViewerGroups.GroupName(exerciseId, groupKey)).Events(batch);

    /// <summary>
    /// Delivery latency, append to push. The silo stamped the events with its wall clock; across machines this
    /// includes their clock skew, which NTP keeps far below the latencies worth an operator's attention.
    /// </summary>
    internal void Delivered(IReadOnlyList<RecordedEvent> events)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var e in events)
        {
            metrics.Delivered(GatewayInstance.Name, now - e.RecordedAt);
        }
    }

    internal async Task Revoke(string exerciseId, string codeId)
    {
        guard.Revoked(exerciseId, codeId);
        foreach (var (connectionId, context) in connections.WithCode(exerciseId, codeId))
        {
            await hub.Clients.Client(connectionId).Revoked("Your join code was revoked by exercise control.");
            context.Abort();
        }
    }
}
