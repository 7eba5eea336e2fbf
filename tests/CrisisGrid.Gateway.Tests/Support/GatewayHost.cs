using CrisisGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// The real gateway (Kestrel, silo, SQLite) in this process, on 127.0.0.1 and a free port, with its own data folder.
/// <see cref="RestartAsync"/> stops it and starts a new one on the same folder: a server restart for its clients.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly Action<IServiceCollection>? _services;

    private GatewayHost(WebApplication app, string dataDirectory, IReadOnlyDictionary<string, string?> settings, LogCapture logs, TimeProvider? time, Action<IServiceCollection>? services)
    {
        _app = app;
        _services = services;
        DataDirectory = dataDirectory;
        Settings = settings;
        Logs = logs;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The clock the gateway and its silo run on, when a test replaced the system clock.</summary>
    public TimeProvider? Time { get; }

    /// <summary>Everything the gateway logged, at every level.</summary>
    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="time">
    /// A clock for the whole gateway (silo, alliance deadlines, reminders, token lifetimes) instead of the system
    /// clock, e.g. a <see cref="ManualTimeProvider"/> so that a test can let charter deadlines pass.
    /// </param>
    /// <param name="services">Extra registrations, e.g. an in-memory telemetry exporter (<see cref="TelemetryCapture"/>).</param>
    public static async Task<GatewayHost> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, int port = 0, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Gateway:DataDirectory"] = dataDirectory,
            ["Gateway:WebRoot"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new LogCapture();
        var app = GatewayApp.Build([.. all.Select(p => $"--{p.Key}={p.Value}")], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new GatewayHost(app, dataDirectory, all, logs, time, services);
    }

    /// <summary>Stops this gateway and starts another on the same data folder and port.</summary>
    public async Task<GatewayHost> RestartAsync()
    {
        await DisposeAsync();
        var settings = Settings.ToDictionary(p => p.Key, p => p.Value);
        return await StartAsync(DataDirectory, settings, BaseAddress.Port, Time, _services);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every log line written through the gateway's loggers.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
