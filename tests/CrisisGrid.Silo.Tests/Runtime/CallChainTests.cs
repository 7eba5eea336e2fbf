using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class CallChainTests
{
    [Fact]
    public async Task A_grain_calling_itself_fails_fast_with_a_DeadlockException_naming_the_chain()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.Grain<IChainGrain>("a").CallSelf());

        Assert.Contains("chain/a -> chain/a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calls_B_calls_A_fails_fast_with_a_DeadlockException_naming_the_chain()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.Grain<IChainGrain>("a").CallPeerThatCallsBack("b"));

        Assert.Contains("chain/a -> chain/b -> chain/a", error.Message, StringComparison.Ordinal);

        // Both grains are free again afterwards.
        Assert.Equal("pong from a", await silo.Grain<IChainGrain>("a").Ping());
        Assert.Equal("pong from b", await silo.Grain<IChainGrain>("b").Ping());
    }

    [Fact]
    public async Task Calling_back_into_an_AlwaysInterleave_method_or_a_reentrant_grain_is_not_a_deadlock()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        Assert.Equal("pong from a", await silo.Grain<IChainGrain>("a").CallPeerThatCallsBackInterleaved("b"));
        Assert.Equal("pong from r", await silo.Grain<IReentrantChainGrain>("r").CallThrough("c"));
    }

    [Fact]
    public async Task Separate_calls_do_not_share_a_chain()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        // a → b, then (a new call from outside) b → a: no chain links them.
        Assert.Equal("pong from b", await silo.Grain<IChainGrain>("a").CallBack("b", interleaved: false));
        Assert.Equal("pong from a", await silo.Grain<IChainGrain>("b").CallBack("a", interleaved: false));
    }

    [Fact]
    public async Task A_call_with_no_answer_within_the_response_timeout_fails_with_TimeoutException()
    {
        await using var silo = await RuntimeTestHost.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(200));
        var grain = silo.Grain<IChainGrain>("slow");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.Hang("never").WaitAsync(Probe.Patience));
        Assert.Contains("IChainGrain.Hang on chain/slow", error.Message, StringComparison.Ordinal);

        // Only the caller stopped waiting: the grain's method was not interrupted and still runs to its end.
        Assert.False(silo.Probe.IsSignaled("finished:never"));
        silo.Probe.Signal("never");
        await silo.Probe.WaitFor("finished:never");
    }
}
