using CrisisGrid.Gateway.Live;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// A hub client that follows the live protocol the way the web client does: join, keep a watermark, drop
/// duplicates, resync on a gap. It remembers every event it applied, so tests can assert exactly what it saw.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private Uri _gateway;

    private LiveClient(Uri gateway, SignalRTestClient connection, ExerciseSnapshot snapshot)
    {
        _gateway = gateway;
        Connection = connection;
        Snapshot = snapshot;
        Watermark = snapshot.Sequence;
    }

    public SignalRTestClient Connection { get; private set; }

    public ExerciseSnapshot Snapshot { get; private set; }

    public long Watermark { get; private set; }

    /// <summary>Every event applied after the snapshot, in order.</summary>
    public List<RecordedEvent> Applied { get; } = [];

    public int Resyncs { get; private set; }

    public static async Task<LiveClient> JoinAsync(Uri gateway, string token)
    {
        var connection = await SignalRTestClient.ConnectAsync(gateway, token);
        var reply = await connection.Invoke<JoinReply>("Join");
        return new LiveClient(gateway, connection, reply.Snapshot);
    }

    /// <summary>
    /// Processes pushed batches until this client has everything up to the exercise log's sequence
    /// <paramref name="sequence"/> (as exercise control and <see cref="GatewayApi.Accept"/> give it), or times out.
    /// The watermark is in the client's own numbering; the target is translated to it (<see cref="LogNumbering"/>).
    /// </summary>
    public async Task CatchUpTo(long sequence, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var viewer = Snapshot.Viewer;
        var target = await LogNumbering.PositionAt(_gateway, Snapshot.ExerciseId, viewer, sequence);
        while (Watermark < target || viewer != Snapshot.Viewer)
        {
            if (viewer != Snapshot.Viewer)
            {
                // The client's numbering changed (an observer given the full view when the review opened).
                viewer = Snapshot.Viewer;
                target = await LogNumbering.PositionAt(_gateway, Snapshot.ExerciseId, viewer, sequence);
                continue;
            }

            var left = until - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"Watermark stuck at {Watermark}, expected {target} (log sequence {sequence}).");
            EventBatch batch;
            try
            {
                batch = await Connection.Next<EventBatch>("Events", left);
            }
            catch (OperationCanceledException)
            {
                // Nothing pushed: this viewer may see nothing more; ask explicitly, as a client would on a timer.
                await Resync();
                continue;
            }

            await Apply(batch);
        }
    }

    /// <summary>
    /// Takes pushed batches off the wire without applying them, until one reaches <paramref name="sequence"/>: a client
    /// that lost those pushes (its next batch will show a gap). Returns what it dropped.
    /// </summary>
    public async Task<List<EventBatch>> DropPushesUpTo(long sequence, TimeSpan? timeout = null)
    {
        var dropped = new List<EventBatch>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (dropped.Count == 0 || dropped[^1].To < sequence)
        {
            var left = until - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"No push reached sequence {sequence}; dropped {dropped.Count} batches.");
            dropped.Add(await Connection.Next<EventBatch>("Events", left));
        }

        return dropped;
    }

    /// <summary>
    /// Applies pushed batches (resyncing on a gap, as always) until an event matching <paramref name="match"/> has been
    /// applied: what this client was sent live, without asking.
    /// </summary>
    public async Task<RecordedEvent> WaitFor(Func<RecordedEvent, bool> match, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Applied.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = until - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"No {what} was pushed (watermark {Watermark}).");
            try
            {
                await Apply(await Connection.Next<EventBatch>("Events", left));
            }
            catch (OperationCanceledException)
            {
                // timed out: the assertion above reports it
            }
        }
    }

    public async Task Apply(EventBatch batch)
    {
        if (batch.To <= Watermark)
        {
            return; // duplicate
        }

        if (batch.From > Watermark)
        {
            await Resync(); // gap
            return;
        }

        await Take(batch);
    }

    public async Task Resync()
    {
        Resyncs++;
        var reply = await Connection.Invoke<ResyncReply>("Resync", Watermark);
        if (reply.Snapshot is { } snapshot)
        {
            Snapshot = snapshot;
            Watermark = snapshot.Sequence;
        }
        else
        {
            await Take(reply.Batch!);
        }
    }

    /// <summary>Reconnects (new connection, same token) and resyncs from the watermark, as after a network drop or restart.</summary>
    public async Task Reconnect(Uri gateway, string token)
    {
        await Connection.DisposeAsync();
        _gateway = gateway; // a restarted gateway may listen elsewhere
        Connection = await SignalRTestClient.ConnectAsync(gateway, token);
        await Connection.Invoke<JoinReply>("Join");
        await Resync();
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private async Task Take(EventBatch batch)
    {
        var fresh = batch.Events.Where(e => e.Sequence > Watermark).ToList();
        Applied.AddRange(fresh);
        Watermark = Math.Max(Watermark, batch.To);
        if (fresh.Any(e => e.Event is Grains.Exercises.ReviewOpened) && Snapshot.Viewer is { Role: Grains.Access.ParticipantRole.Observer, FullView: false })
        {
            // As the web client does: the observer now has the full view, numbered by the log; start again from there.
            Snapshot = await Connection.Invoke<ExerciseSnapshot>("Snapshot");
            Watermark = Snapshot.Sequence;
        }
    }
}
