using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Runtime;
using CrisisGrid.Silo.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Timers;

namespace CrisisGrid.Silo.Hosting;

/// <summary>Adds the in-process silo to a host (the counterpart of Orleans' UseOrleans / AddOrleans).</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Hosts the silo in this application:
    /// <code>builder.UseCrisisGridSilo(silo => silo.AddGrains(typeof(ExerciseGrain).Assembly).Configure(o => ...));</code>
    /// </summary>
    public static IHostApplicationBuilder UseCrisisGridSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCrisisGridSilo(configure);
        return builder;
    }

    /// <summary>
    /// Registers the silo: IGrainFactory and IClusterClient (one singleton), ITimerRegistry, IReminderRegistry, the
    /// hosted service that runs reminders and idle collection and deactivates everything at stop, and
    /// TimeProvider.System unless a TimeProvider is already registered. Calling it again adds to the same silo.
    /// A durable IReminderTable must be registered separately for grains that use reminders.
    /// </summary>
    public static IServiceCollection AddCrisisGridSilo(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var grainTypes = services.FirstOrDefault(d => d.ServiceType == typeof(GrainTypeRegistry))?.ImplementationInstance as GrainTypeRegistry;
        if (grainTypes is null)
        {
            grainTypes = new GrainTypeRegistry();
            AddSiloServices(services, grainTypes);
        }

        configure(new SiloBuilder(services, grainTypes));
        return services;
    }

    private static void AddSiloServices(IServiceCollection services, GrainTypeRegistry grainTypes)
    {
        services.AddOptions<SiloOptions>()
            .Validate(o => o.ResponseTimeout > TimeSpan.Zero || o.ResponseTimeout == Timeout.InfiniteTimeSpan,
                "SiloOptions.ResponseTimeout must be positive, or Timeout.InfiniteTimeSpan to wait forever.")
            .Validate(o => o.CollectionAge > TimeSpan.Zero, "SiloOptions.CollectionAge must be positive.")
            .Validate(o => o.CollectionQuantum > TimeSpan.Zero, "SiloOptions.CollectionQuantum must be positive.")
            .Validate(o => o.MinimumReminderPeriod >= TimeSpan.Zero, "SiloOptions.MinimumReminderPeriod must not be negative.");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(grainTypes);
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<ObserverRegistry>();
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<ITimerRegistry, TimerRegistry>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderRegistry, ReminderRegistry>();
        services.AddSingleton<IdleCollector>();
        services.AddHostedService<SiloHostedService>();
    }
}
