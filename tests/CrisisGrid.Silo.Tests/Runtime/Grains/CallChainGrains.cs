using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Concurrency;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    Task<string> Ping();

    [AlwaysInterleave]
    Task<string> InterleavedPing();

    /// <summary>Calls itself through a reference: A → A.</summary>
    Task<string> CallSelf();

    /// <summary>A → B, and B calls A back: A → B → A.</summary>
    Task<string> CallPeerThatCallsBack(string peer);

    /// <summary>A → B, and B calls A's [AlwaysInterleave] method.</summary>
    Task<string> CallPeerThatCallsBackInterleaved(string peer);

    Task<string> CallBack(string caller, bool interleaved);

    /// <summary>Calls a reentrant grain, which calls this grain's peer, which calls the reentrant grain back.</summary>
    Task<string> CallReentrantBack(string reentrantKey);

    /// <summary>Waits for the probe gate, far longer than the test's response timeout.</summary>
    Task Hang(string gate);
}

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> Ping();

    /// <summary>This (reentrant) grain → chain grain → back to this grain.</summary>
    Task<string> CallThrough(string chainKey);
}

public sealed class ChainGrain(Probe probe) : Grain, IChainGrain
{
    public Task<string> Ping() => Task.FromResult($"pong from {this.GetPrimaryKeyString()}");

    public Task<string> InterleavedPing() => Ping();

    public Task<string> CallSelf() => GrainFactory.GetGrain<IChainGrain>(this.GetPrimaryKeyString()).Ping();

    public Task<string> CallPeerThatCallsBack(string peer) =>
        GrainFactory.GetGrain<IChainGrain>(peer).CallBack(this.GetPrimaryKeyString(), interleaved: false);

    public Task<string> CallPeerThatCallsBackInterleaved(string peer) =>
        GrainFactory.GetGrain<IChainGrain>(peer).CallBack(this.GetPrimaryKeyString(), interleaved: true);

    public async Task<string> CallBack(string caller, bool interleaved)
    {
        var grain = GrainFactory.GetGrain<IChainGrain>(caller);
        return interleaved ? await grain.InterleavedPing() : await grain.Ping();
    }

    public Task<string> CallReentrantBack(string reentrantKey) => GrainFactory.GetGrain<IReentrantChainGrain>(reentrantKey).Ping();

    public async Task Hang(string gate)
    {
        await probe.When(gate);
        probe.Signal($"finished:{gate}");
    }
}

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public Task<string> Ping() => Task.FromResult($"pong from {this.GetPrimaryKeyString()}");

    public Task<string> CallThrough(string chainKey) =>
        GrainFactory.GetGrain<IChainGrain>(chainKey).CallReentrantBack(this.GetPrimaryKeyString());
}
