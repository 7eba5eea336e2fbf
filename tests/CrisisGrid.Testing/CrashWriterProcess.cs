using System.Diagnostics;

namespace CrisisGrid.Testing;

/// <summary>
/// Runs tests/CrisisGrid.Storage.CrashWriter (copied beside the tests) as a child process that appends to a SQLite
/// event log and prints each acknowledged sequence number, so a test can kill it mid-write.
/// </summary>
public sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;

    private CrashWriterProcess(Process process)
    {
        _process = process;
    }

    public static CrashWriterProcess Start(string databasePath, string exerciseId, int appenders)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "CrisisGrid.Storage.CrashWriter.dll");
        if (!File.Exists(program))
        {
            throw new FileNotFoundException("The crash writer was not built beside the tests (CrisisGrid.Testing references it).", program);
        }

        var start = new ProcessStartInfo(DotnetHost(), ["exec", program, databasePath, exerciseId, appenders.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new CrashWriterProcess(Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start."));
    }

    public int Id => _process.Id;

    /// <summary>The next line the writer printed, or null once its output ended.</summary>
    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();

    public Task<string> ReadErrorsAsync() => _process.StandardError.ReadToEndAsync();

    /// <summary>SIGKILL on Unix: no handler, no flush, no finally block runs in the child.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    // The muxer running these tests (dotnet test starts the test host through it); PATH's dotnet otherwise.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
