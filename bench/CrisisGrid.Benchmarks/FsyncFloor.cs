namespace CrisisGrid.Benchmarks;

/// <summary>
/// The disk's floor: rewrite one 4 KiB block in place and fsync it, in a loop, in the same directory as the
/// databases. In place, because that is what SQLite's WAL does once it wraps after a checkpoint (appending to a
/// growing file costs a metadata journal commit as well). A durable append on one writer cannot beat this, so it tells
/// whether the store or the disk sets the pace.
/// </summary>
internal static class FsyncFloor
{
    public static async Task<(List<LatencySummary> Rows, TimeSpan Cpu)> Run(string directory, TimeSpan warmup, TimeSpan duration)
    {
        var buffer = new byte[4096];
        await using var file = new FileStream(Path.Combine(directory, "fsync.bin"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        return await ClosedLoop.Run(1, warmup, duration, async (_, probe) =>
        {
            while (probe.Running)
            {
                await probe.Time("rewrite 4 KiB + fsync", () =>
                {
                    file.Position = 0;
                    file.Write(buffer);
                    file.Flush(flushToDisk: true);
                    return Task.FromResult(true);
                });
            }
        });
    }
}
