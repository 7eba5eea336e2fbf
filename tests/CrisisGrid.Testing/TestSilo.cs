using CrisisGrid.Grains.Exercises;
using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans;

namespace CrisisGrid.Testing;

/// <summary>
/// The real in-process silo with CrisisGrid's grains, SQLite storage at <see cref="DatabasePath"/> and a manual clock.
/// Stopping and starting another one on the same file is a process restart as far as the grains can tell.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, string databasePath, FakeTimeProvider time)
    {
        _host = host;
        DatabasePath = databasePath;
        Time = time;
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestSilo> StartAsync(string databasePath, FakeTimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.UseCrisisGridSilo(silo => silo.AddGrains(typeof(ExerciseGrain).Assembly).UseSqliteStorage(databasePath));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, databasePath, time);
    }

    /// <summary>Stops this silo and starts a fresh one on the same database and clock.</summary>
    public async Task<TestSilo> RestartAsync(Action<IServiceCollection>? configure = null)
    {
        await DisposeAsync();
        return await StartAsync(DatabasePath, Time, configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
