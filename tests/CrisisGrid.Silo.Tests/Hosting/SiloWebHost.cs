using System.Net;
using System.Net.Sockets;
using CrisisGrid.Silo.Hosting;
using CrisisGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Silo.Tests.Hosting;

/// <summary>
/// The silo executable's setup (<see cref="SiloWebApp"/>: an embedded silo on SQLite and its web host) started in this
/// process on loopback with free ports, as <c>dotnet CrisisGrid.Silo.dll</c> would run with the given settings.
/// </summary>
public sealed class SiloWebHost : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private WebApplication? _app;

    /// <summary>The silo's own web port (health), e.g. http://127.0.0.1:43121.</summary>
    public Uri WebAddress { get; private set; } = null!;

    public static async Task<SiloWebHost> StartAsync(params string[] settings)
    {
        var host = new SiloWebHost();
        string[] args =
        [
            "--Urls=http://127.0.0.1:0",
            "--Storage:Provider=sqlite",
            $"--Storage:SqlitePath={host._data.File("crisisgrid.db")}",
            $"--Cluster:SiloPort={FreePort()}",
            $"--Cluster:GatewayPort={FreePort()}",
            .. settings,
        ];
        host._app = SiloWebApp.Create(args);
        await host._app.StartAsync();
        var addresses = host._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        host.WebAddress = new Uri(addresses.First());
        return host;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }
}
