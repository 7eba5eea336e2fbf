using Microsoft.Extensions.Time.Testing;
using CrisisGrid.Silo.Hosting;
using CrisisGrid.Silo.Reminders;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Tests.Runtime.Support;

/// <summary>
/// A real host running the silo with this test project's grains, a manual clock, a probe and captured logs.
/// Built on the empty application builder: no configuration files, file watchers or console logging.
/// </summary>
public sealed class RuntimeTestHost : IAsyncDisposable
{
    private bool _stopped;

    private RuntimeTestHost(IHost host, FakeTimeProvider time, Probe probe, CapturedLogs logs)
    {
        Host = host;
        Time = time;
        Probe = probe;
        Logs = logs;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IHost Host { get; }

    public IGrainFactory Grains { get; }

    public FakeTimeProvider Time { get; }

    public Probe Probe { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => Host.Services;

    public static async Task<RuntimeTestHost> StartAsync(
        Action<SiloOptions>? options = null,
        IReminderTable? reminderTable = null,
        FakeTimeProvider? time = null,
        Probe? probe = null)
    {
        time ??= TestClock.Create();
        probe ??= new Probe();
        var logs = new CapturedLogs();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(probe);
        builder.Services.AddScoped<ScopedResource>();
        if (reminderTable is not null)
        {
            builder.Services.AddSingleton(reminderTable);
        }

        builder.UseCrisisGridSilo(silo => silo
            .AddGrains(typeof(RuntimeTestHost).Assembly)
            .Configure(o =>
            {
                // Generous by default: a test that wants a timeout sets a short one.
                o.ResponseTimeout = TimeSpan.FromSeconds(30);
                options?.Invoke(o);
            }));
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeTestHost(host, time, probe, logs);
    }

    public TGrain Grain<TGrain>(string key)
        where TGrain : IGrainWithStringKey => Grains.GetGrain<TGrain>(key);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }
}

/// <summary>A scoped service: one per activation, disposed when the activation ends.</summary>
public sealed class ScopedResource(Probe probe) : IDisposable
{
    public void Dispose() => probe.Increment("scoped-resource-disposed");
}
