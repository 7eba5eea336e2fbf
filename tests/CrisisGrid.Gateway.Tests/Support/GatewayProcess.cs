using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>
/// The built gateway (CrisisGrid.Gateway.dll, copied beside the tests because they reference it) running as a child
/// process on 127.0.0.1, so that a test can SIGKILL it: no shutdown hook, no flush, no finally block runs.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _disposed;

    private GatewayProcess(Process process, Uri baseAddress)
    {
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

        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost(), ["exec", program, $"--Urls=http://127.0.0.1:{port}", $"--Gateway:DataDirectory={dataDirectory}", "--Gateway:WebRoot="])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway process did not start.");
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await gateway.WaitUntilHealthy();
        return gateway;
    }

    /// <summary>SIGKILL on Linux (Process.Kill), then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
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
