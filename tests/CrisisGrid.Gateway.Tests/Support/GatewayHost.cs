using CrisisGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// The real gateway (Kestrel, an Orleans client) in this process, on 127.0.0.1 and a free port, with its own data
/// folder, in front of a real Orleans test cluster (<see cref="TestSilo"/>) on a SQLite log in that folder.
/// <see cref="RestartAsync"/> stops both and starts new ones on the same folder: a server restart for its clients.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsSilo;

    private readonly Action<IServiceCollection>? _services;

    private GatewayHost(WebApplication app, TestSilo silo, bool ownsSilo, string dataDirectory, IReadOnlyDictionary<string, string?> settings, LogCapture logs, TimeProvider? time, Action<IServiceCollection>? services)
    {
        _app = app;
        _services = services;
        Silo = silo;
        _ownsSilo = ownsSilo;
        DataDirectory = dataDirectory;
        Settings = settings;
        Logs = logs;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
        Running[BaseAddress.ToString()] = this;
    }

    // The gateways running in this process, by address: the harness reads their logs to translate between the log's
    // sequence numbers and a viewer's own numbering (LogNumbering).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GatewayHost> Running = new();

    public static GatewayHost? Find(Uri address) => Running.GetValueOrDefault(new Uri(address.GetLeftPart(UriPartial.Authority) + "/").ToString());

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The clock the gateway and its silo run on, when a test replaced the system clock.</summary>
    public TimeProvider? Time { get; }

    /// <summary>Everything the gateway logged, at every level.</summary>
    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The gateway's own Orleans client.</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The cluster behind the gateway.</summary>
    public TestSilo Silo { get; }

    /// <param name="time">
    /// A clock for the whole gateway (silo, alliance deadlines, reminders, token lifetimes) instead of the system
    /// clock, e.g. a <see cref="FakeTimeProvider"/> so that a test can let charter deadlines pass.
    /// </param>
    /// <param name="silo">A running cluster to join (a second gateway on one cluster); a new one otherwise.</param>
    /// <param name="services">
    /// Extra registrations for every process the test starts (the gateway and, when it starts one, the silo), e.g. an
    /// in-memory telemetry exporter (<see cref="TelemetryCapture"/>).
    /// </param>
    public static async Task<GatewayHost> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, int port = 0, TimeProvider? time = null, TestSilo? silo = null, Action<IServiceCollection>? services = null)
    {
        var ownsSilo = silo is null;
        silo ??= await TestSilo.StartAsync(Path.Combine(dataDirectory, "crisisgrid.db"), time ?? TimeProvider.System, services);
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Gateway:DataDirectory"] = dataDirectory,
            ["Gateway:WebRoot"] = "",
            ["Cluster:Mode"] = "Embedded",
            ["Cluster:ClusterId"] = silo.ClusterId,
            ["Cluster:ServiceId"] = silo.ServiceId,
            ["Cluster:AdvertisedAddress"] = silo.GatewayEndpoints[0].Address.ToString(),
            ["Cluster:GatewayPorts"] = string.Join(",", silo.GatewayEndpoints.Select(e => e.Port)),
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
        return new GatewayHost(app, silo, ownsSilo, dataDirectory, all, logs, time, services);
    }

    /// <summary>Stops this gateway and starts another on the same data folder and port.</summary>
    public async Task<GatewayHost> RestartAsync()
    {
        await DisposeAsync();
        var settings = Settings.Where(p => !p.Key.StartsWith("Cluster:", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
        return await StartAsync(DataDirectory, settings, BaseAddress.Port, Time, services: _services);
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(new KeyValuePair<string, GatewayHost>(BaseAddress.ToString(), this));
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsSilo)
        {
            await Silo.DisposeAsync();
        }
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
