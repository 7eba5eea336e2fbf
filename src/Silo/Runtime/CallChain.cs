using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// The grains that are waiting, one behind the other, for the current request: an immutable list from the first
/// caller to the grain that is running now. It flows with the request in an <see cref="AsyncLocal{T}"/>, so a grain
/// call can see whether its target is already waiting further up the chain (A → B → A), which with non-reentrant
/// grains can never complete. Orleans carries the same information in message headers.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    private CallChain(GrainId grainId, CallChain? caller)
    {
        GrainId = grainId;
        Caller = caller;
        Depth = (caller?.Depth ?? 0) + 1;
    }

    /// <summary>The chain of the code that is running now; null outside any grain turn (a client, a timer thread).</summary>
    public static CallChain? Current
    {
        get => CurrentChain.Value;
        set => CurrentChain.Value = value;
    }

    /// <summary>The grain that is running at the end of this chain.</summary>
    public GrainId GrainId { get; }

    public CallChain? Caller { get; }

    public int Depth { get; }

    /// <summary>The chain of a request to <paramref name="grainId"/> made from <paramref name="caller"/> (null: a new chain).</summary>
    public static CallChain Enter(CallChain? caller, GrainId grainId) => new(grainId, caller);

    public bool Contains(GrainId grainId)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (link.GrainId == grainId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>First caller first, e.g. "alliance/nato -> nation/fr".</summary>
    public override string ToString()
    {
        var ids = new GrainId[Depth];
        var index = Depth - 1;
        for (var link = this; link is not null; link = link.Caller)
        {
            ids[index--] = link.GrainId;
        }

        return string.Join(" -> ", ids);
    }
}
