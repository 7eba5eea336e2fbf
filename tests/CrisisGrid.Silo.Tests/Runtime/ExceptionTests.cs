using CrisisGrid.Testing;
using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class ExceptionTests
{
    [Fact]
    public async Task Exceptions_thrown_by_grain_methods_reach_the_caller_with_their_type_and_message()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<IThrowingGrain>("t");

        var afterAwait = await Assert.ThrowsAsync<ClauseRejectedException>(() => grain.ThrowAfterAwait("clause 4 needs unanimity"));
        Assert.Equal("clause 4 needs unanimity", afterAwait.Message);

        var synchronous = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously("bad"));
        Assert.Equal("message", synchronous.ParamName);

        var withResult = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowWithResultType("no result"));
        Assert.Equal("no result", withResult.Message);

        var valueTask = await Assert.ThrowsAsync<ClauseRejectedException>(async () => await grain.ThrowFromValueTask("vt"));
        Assert.Equal("vt", valueTask.Message);
    }

    [Fact]
    public async Task A_one_way_call_returns_at_once_and_its_failure_is_logged_not_thrown()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<IThrowingGrain>("one-way");

        var call = grain.FireAndForget("go");
        Assert.True(call.IsCompletedSuccessfully);

        silo.Probe.Signal("go");
        await Eventually.True(
            () => silo.Logs.Entries.Any(e => e.Exception is ClauseRejectedException { Message: "one-way failure after go" }),
            "the one-way failure in the log");
        Assert.Equal(7, await grain.Add(3, 4));
    }

    [Fact]
    public async Task The_grain_keeps_working_after_a_method_threw()
    {
        await using var silo = await RuntimeTestHost.StartAsync();
        var grain = silo.Grain<IThrowingGrain>("t");

        await Assert.ThrowsAsync<ClauseRejectedException>(() => grain.ThrowAfterAwait("x"));

        Assert.Equal(5, await grain.Add(2, 3));
        Assert.Equal("same", await grain.Echo("same"));
        Assert.Null(await grain.Echo(null));
    }
}
