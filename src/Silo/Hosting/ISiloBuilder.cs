using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Silo.Hosting;

/// <summary>Configures the in-process silo (the counterpart of Orleans' ISiloBuilder).</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Registers every grain class (non-abstract, derived from <see cref="Grain"/>) in the assembly.</summary>
    ISiloBuilder AddGrains(Assembly assembly);

    ISiloBuilder Configure(Action<SiloOptions> configure);
}
