using System.Reflection;
using CrisisGrid.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Silo.Hosting;

internal sealed class SiloBuilder(IServiceCollection services, GrainTypeRegistry grainTypes) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;

    public ISiloBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        grainTypes.AddAssembly(assembly);
        return this;
    }

    public ISiloBuilder Configure(Action<SiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
