using CrisisGrid.Silo.Hosting;
using CrisisGrid.Silo.Tests.Runtime.Grains;
using CrisisGrid.Silo.Tests.Runtime.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime;

public sealed class GrainFactoryTests
{
    [Fact]
    public async Task IGrainFactory_and_IClusterClient_are_the_same_singleton()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        Assert.Same(silo.Services.GetRequiredService<IGrainFactory>(), silo.Services.GetRequiredService<IClusterClient>());
    }

    [Fact]
    public async Task References_carry_the_grain_id_whose_type_is_the_class_name_without_Grain_lower_cased()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var reference = silo.Grain<ITurnGrain>("Nato-2027");

        Assert.Equal(new GrainId("turn", "Nato-2027"), reference.GetGrainId());
        Assert.Equal("Nato-2027", reference.GetPrimaryKeyString());
        Assert.Equal("reentrantturn", silo.Grain<IReentrantTurnGrain>("k").GetGrainId().Type);
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal_and_work_as_dictionary_keys()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var set = new HashSet<ITurnGrain> { silo.Grain<ITurnGrain>("a"), silo.Grain<ITurnGrain>("a"), silo.Grain<ITurnGrain>("b") };

        Assert.Equal(2, set.Count);
    }

    [Fact]
    public async Task An_interface_without_implementation_fails_with_an_error_naming_it_and_what_is_registered()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grain<IUnimplementedGrain>("x"));

        Assert.Contains(typeof(IUnimplementedGrain).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(ITurnGrain).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("AddGrains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interface_with_two_implementations_needs_a_class_name_prefix()
    {
        await using var silo = await RuntimeTestHost.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grain<ITurnOperations>("x"));
        Assert.Contains("grainClassNamePrefix", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TurnGrain), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ReentrantTurnGrain), error.Message, StringComparison.Ordinal);

        var byShortName = silo.Grains.GetGrain<ITurnOperations>("x", "Reentrant");
        var byFullName = silo.Grains.GetGrain<ITurnOperations>("x", typeof(TurnGrain).FullName);
        Assert.Equal("reentrantturn", byShortName.GetGrainId().Type);
        Assert.Equal("turn", byFullName.GetGrainId().Type);
        Assert.Equal(1, await byFullName.Increment());

        Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<ITurnOperations>("x", "Nope"));
    }

    [Fact]
    public async Task The_silo_registers_grains_from_several_AddCrisisGridSilo_calls_into_one_silo()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Probe());
        services.AddCrisisGridSilo(_ => { });
        services.AddCrisisGridSilo(silo => silo.AddGrains(typeof(TurnGrain).Assembly));
        await using var provider = services.BuildServiceProvider();

        var grain = provider.GetRequiredService<IGrainFactory>().GetGrain<ITurnGrain>("plain-di");

        Assert.Equal(1, await grain.Increment());
        Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>());
    }

    [Fact]
    public void Invalid_options_are_reported_when_the_silo_is_built()
    {
        var services = new ServiceCollection();
        services.AddCrisisGridSilo(silo => silo.Configure(o => o.CollectionAge = TimeSpan.Zero));
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IGrainFactory>());
        Assert.Contains("CollectionAge", error.ToString(), StringComparison.Ordinal);
    }
}
