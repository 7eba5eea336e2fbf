using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>Base for tests that need a running gateway of their own.</summary>
public abstract class GatewayTest : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    protected GatewayHost Gateway { get; private set; } = null!;

    protected GatewayApi Api { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The gateway's clock; null for the system clock.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Extra registrations for every process the test starts (e.g. <see cref="TelemetryCapture.Attach"/>).</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    public virtual async Task InitializeAsync()
    {
        Gateway = await GatewayHost.StartAsync(_data.Path, Settings, time: Time, services: Services);
        Api = new GatewayApi(Gateway.Http);
    }

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        _data.Dispose();
    }

    protected async Task Restart()
    {
        Gateway = await Gateway.RestartAsync();
        Api = new GatewayApi(Gateway.Http);
    }

    protected Task<SignalRTestClient> Connect(string token, string? origin = null) =>
        SignalRTestClient.ConnectAsync(Gateway.BaseAddress, token, origin);
}
