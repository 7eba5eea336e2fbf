using System.Collections.Concurrent;
using System.Threading.Channels;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// One exercise's events on their way to its viewer groups. A single loop keeps them in order: it drops what was
/// already delivered, fills any gap from the feed, then sends each group the events its viewer may see.
/// </summary>
internal sealed class ExercisePump
{
    private const int GapReadLimit = 10_000;

    private readonly string _exerciseId;
    private readonly IExerciseFeedGrain _feed;
    private readonly FeedRelay _relay;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, long> _groups = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, Task<(long Delivered, bool ReviewOpen)>> _subscribe;
    private long _delivered;
    private bool _reviewOpen;

    public ExercisePump(string exerciseId, IExerciseFeedGrain feed, Func<string, Task<(long, bool)>> subscribe, FeedRelay relay, ILogger logger)
    {
        (_exerciseId, _feed, _subscribe, _relay, _logger) = (exerciseId, feed, subscribe, relay, logger);
        _ = Task.Run(Loop);
    }

    /// <summary>Completes once the pump is subscribed and knows how far the feed has delivered.</summary>
    public Task Ready => _ready.Task;

    private sealed record Work(IReadOnlyList<RecordedEvent> Events, long CatchUpTo);

    /// <summary>Starts serving a group; its first batch starts from what the pump has delivered so far.</summary>
    public void EnsureGroup(string key) => _groups.TryAdd(key, Volatile.Read(ref _delivered));

    public void Enqueue(IReadOnlyList<RecordedEvent> events) => _work.Writer.TryWrite(new Work(events, 0));

    public void CatchUpTo(long sequence) => _work.Writer.TryWrite(new Work([], sequence));

    public void Complete() => _work.Writer.TryComplete();

    private async Task Loop()
    {
        // Subscribe inside the loop: events queued meanwhile are processed after, those already delivered dropped.
        while (!_ready.Task.IsCompleted)
        {
            try
            {
                (_delivered, _reviewOpen) = await _subscribe(_exerciseId);
                _ready.TrySetResult();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Subscribing to the feed of {Exercise} failed; retrying", _exerciseId);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            try
            {
                await Process(work);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Relaying events of {Exercise} failed after {Delivered}", _exerciseId, _delivered);
            }
        }
    }

    private async Task Process(Work work)
    {
        var fresh = work.Events.Where(e => e.Sequence > _delivered).OrderBy(e => e.Sequence).ToList();
        var target = Math.Max(work.CatchUpTo, fresh.Count > 0 ? fresh[^1].Sequence : 0);
        if (target <= _delivered)
        {
            return;
        }

        var batch = new List<RecordedEvent>();
        if (fresh.Count == 0 || fresh[0].Sequence > _delivered + 1)
        {
            var upTo = fresh.Count == 0 ? target : fresh[0].Sequence - 1;
            batch.AddRange((await _feed.Read(_delivered, GapReadLimit)).Where(e => e.Sequence <= upTo));
        }

        batch.AddRange(fresh);
        var ordered = new List<RecordedEvent>(batch.Count);
        var next = _delivered + 1;
        foreach (var e in batch.OrderBy(e => e.Sequence))
        {
            if (e.Sequence < next)
            {
                continue; // already delivered, or read twice
            }

            if (e.Sequence > next)
            {
                _logger.LogWarning("Events of {Exercise} after {Sequence} are missing from the feed; they follow with the next catch-up", _exerciseId, next - 1);
                break;
            }

            ordered.Add(e);
            next++;
        }

        if (ordered.Count > 0)
        {
            await Deliver(ordered);
        }
    }

    private async Task Deliver(List<RecordedEvent> events)
    {
        var to = events[^1].Sequence;
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case ReviewOpened:
                    _reviewOpen = true;
                    break;
                case JoinCodeRevoked revoked:
                    await _relay.Revoke(_exerciseId, revoked.CodeId);
                    break;
            }
        }

        Volatile.Write(ref _delivered, to);
        foreach (var (key, lastSent) in _groups)
        {
            var viewer = ViewerGroups.Viewer(key, _reviewOpen);
            var visible = events.Where(e => e.Sequence > lastSent && e.Audience.Allows(viewer)).ToList();
            if (visible.Count == 0)
            {
                continue;
            }

            await _relay.Send(_exerciseId, key, new EventBatch(_exerciseId, lastSent, to, visible));
            _groups[key] = to;
        }

        _relay.Delivered(events);
    }
}
