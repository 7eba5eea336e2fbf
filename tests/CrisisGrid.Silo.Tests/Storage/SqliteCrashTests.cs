using CrisisGrid.Silo.Storage.Sqlite;
using CrisisGrid.Testing;

namespace CrisisGrid.Silo.Tests.Storage;

/// <summary>
/// Nothing acknowledged is lost: a separate process appends and reports each acknowledged sequence number; it is
/// killed with SIGKILL mid-stream (no shutdown, no flush), and the log reopened in this process must hold every one.
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Every_append_acknowledged_before_a_SIGKILL_is_in_the_reopened_log_without_gaps()
    {
        var path = _directory.File("crash.db");
        const string Exercise = "crash-exercise";
        var acknowledged = new List<long>();

        using (var writer = CrashWriterProcess.Start(path, Exercise, appenders: 8))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            if (await writer.ReadLineAsync(timeout.Token) is not "ready")
            {
                await writer.KillAsync();
                Assert.Fail($"The crash writer did not start: {await writer.ReadErrorsAsync()}");
            }

            while (acknowledged.Count < 400 && await writer.ReadLineAsync(timeout.Token) is { } line)
            {
                acknowledged.Add(long.Parse(line));
            }

            await writer.KillAsync();

            // Lines already printed before the kill are acknowledgements too.
            while (await writer.ReadLineAsync(timeout.Token) is { } line)
            {
                acknowledged.Add(long.Parse(line));
            }
        }

        Assert.True(acknowledged.Count >= 400, $"Only {acknowledged.Count} appends were acknowledged before the writer stopped.");
        await using var log = new SqliteEventLog(path, TestClock.Create());
        var recovered = await log.ReadExerciseAsync(Exercise);
        var sequences = recovered.Select(r => r.Sequence).ToList();

        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Empty(acknowledged.Except(sequences));
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        foreach (var stream in recovered.GroupBy(r => r.Stream))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(r => r.StreamVersion));
        }
    }

    public void Dispose() => _directory.Dispose();
}
