using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// The built silo and gateway (CrisisGrid.Silo.dll and CrisisGrid.Gateway.dll, copied beside the tests because they
/// reference them) running as two child processes on 127.0.0.1 — the embedded deployment — so that a test can SIGKILL
/// both, as a machine crash would: no shutdown hook, no flush, no finally block runs.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _silo;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _disposed;

    private GatewayProcess(Process silo, Process process, Uri baseAddress)
    {
        _silo = silo;
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput => string.Join("\n", _output.TakeLast(40));

    public static async Task<GatewayProcess> StartAsync(string dataDirectory)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "CrisisGrid.Gateway.dll");
        if (!File.Exists(program))
        {
            throw new FileNotFoundException("The gateway was not built beside the tests (the test project references it).", program);
        }

        var (port, siloPort, gatewayPort) = (FreePort(), FreePort(), FreePort());
        var silo = Start(Path.Combine(AppContext.BaseDirectory, "CrisisGrid.Silo.dll"),
            $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={gatewayPort}", "--Urls=http://127.0.0.1:0", "--Storage:Provider=sqlite",
            $"--Storage:SqlitePath={Path.Combine(dataDirectory, "crisisgrid.db")}",
            $"--Scenarios:Directory={Path.Combine(AppContext.BaseDirectory, "scenarios")}");
        var process = Start(program, $"--Urls=http://127.0.0.1:{port}", $"--Gateway:DataDirectory={dataDirectory}", "--Gateway:WebRoot=", $"--Cluster:GatewayPorts={gatewayPort}");
        var gateway = new GatewayProcess(silo, process, new Uri($"http://127.0.0.1:{port}"));
        foreach (var child in new[] { silo, process })
        {
            child.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
            child.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
        }

        await gateway.WaitUntilHealthy();
        return gateway;
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["exec", program, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        return Process.Start(start) ?? throw new InvalidOperationException($"{Path.GetFileName(program)} did not start.");
    }

    /// <summary>SIGKILL on Linux (Process.Kill) of the silo and the gateway, then waits for both to be gone.</summary>
    public async Task KillAsync()
    {
        foreach (var child in new[] { _silo, _process }.Where(p => !p.HasExited))
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        await KillAsync();
        _process.Dispose();
        _silo.Dispose();
    }

    private async Task WaitUntilHealthy()
    {
        try
        {
            await Eventually.True(Healthy, "the gateway process to become healthy", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{RecentOutput}", ex);
        }

        async Task<bool> Healthy()
        {
            Assert.False(_process.HasExited, $"The gateway exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{RecentOutput}");
            Assert.False(_silo.HasExited, $"The silo exited with {(_silo.HasExited ? _silo.ExitCode : 0)}:\n{RecentOutput}");
            try
            {
                using var response = await Http.GetAsync("/health");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The muxer running these tests (dotnet test starts the test host through it); PATH's dotnet otherwise.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
