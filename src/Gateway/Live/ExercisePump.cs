using System.Collections.Concurrent;
using System.Threading.Channels;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// One exercise's events on their way to its viewer groups. A single loop keeps them in order: it drops what was
/// already delivered, fills any gap from the feed, then sends each group the events its viewer may see, numbered in
/// that viewer's own numbering (the n-th event it may see; docs/visibility.md) — counted on from the position the feed
/// gave when the group was added, with the same policy the feed numbers by.
/// </summary>
internal sealed class ExercisePump
{
    private const int GapReadLimit = 10_000;

    private readonly string _exerciseId;
    private readonly IExerciseFeedGrain _feed;
    private readonly FeedRelay _relay;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
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

    private sealed record Work(IReadOnlyList<RecordedEvent> Events, long CatchUpTo, string? AddGroup = null, TaskCompletionSource? Added = null);

    /// <summary>What a group was last sent: up to which log sequence, and its viewer's position there.</summary>
    private sealed record GroupState(long LastSent, long Position);

    /// <summary>
    /// Starts serving a group (once the returned task completes); its first batch starts from what the pump has
    /// delivered so far. Added inside the loop, so its starting position matches exactly what was delivered.
    /// </summary>
    public Task EnsureGroup(string key)
    {
        if (_groups.ContainsKey(key))
        {
            return Task.CompletedTask;
        }

        var added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(new Work([], 0, key, added));
        return added.Task;
    }

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
                if (work.AddGroup is { } key)
                {
                    await AddGroup(key, work.Added!);
                    continue;
                }

                await Process(work);
            }
            catch (Exception ex)
            {
                work.Added?.TrySetException(ex);
                _logger.LogError(ex, "Relaying events of {Exercise} failed after {Delivered}", _exerciseId, _delivered);
            }
        }
    }

    private async Task AddGroup(string key, TaskCompletionSource added)
    {
        if (!_groups.ContainsKey(key))
        {
            var position = await _feed.PositionAt(ViewerGroups.Viewer(key, _reviewOpen), _delivered);
            _groups[key] = new GroupState(_delivered, position);
        }

        added.TrySetResult();
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
        var reviewOpenBefore = _reviewOpen;
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
        foreach (var (key, group) in _groups)
        {
            var position = group.Position;
            foreach (var batch in Batches(key, group, events, reviewOpenBefore))
            {
                await _relay.Send(_exerciseId, key, batch);
                position = batch.To;
            }

            _groups[key] = new GroupState(to, position);
        }

        _relay.Delivered(events);
    }

    /// <summary>
    /// What one group is sent of <paramref name="events"/>: the events its viewer may see, numbered on from its
    /// position. When the review opens, observers move from the public count to the log's numbering: what came before
    /// goes in one batch, what follows in another that starts at the log's sequence (its client resyncs and is given a
    /// snapshot, see <see cref="Grains.Visibility.ViewerNumbering.Continues"/>).
    /// </summary>
    private List<EventBatch> Batches(string key, GroupState group, List<RecordedEvent> events, bool reviewOpen)
    {
        var batches = new List<EventBatch>();
        var viewer = ViewerGroups.Viewer(key, reviewOpen);
        var (from, position) = (group.Position, group.Position);
        var visible = new List<RecordedEvent>();
        foreach (var e in events.Where(e => e.Sequence > group.LastSent))
        {
            if (ViewerEvents.Visible([e], viewer, position) is [var seen])
            {
                visible.Add(seen);
                position = seen.Sequence;
            }

            if (e.Event is ReviewOpened && VisibilityPolicy.NumberingOf(ViewerGroups.Viewer(key, true)) != VisibilityPolicy.NumberingOf(viewer))
            {
                Flush();
                viewer = ViewerGroups.Viewer(key, true);
                (from, position) = (e.Sequence, e.Sequence);
            }
        }

        Flush();
        return batches;

        void Flush()
        {
            if (visible.Count > 0)
            {
                batches.Add(new EventBatch(_exerciseId, from, position, [.. visible]));
                visible = [];
                from = position;
            }
        }
    }
}
