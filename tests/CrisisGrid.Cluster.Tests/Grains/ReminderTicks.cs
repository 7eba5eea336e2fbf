using System.Collections.Concurrent;

namespace CrisisGrid.Cluster.Tests.Grains;

/// <summary>Reminder ticks per probe grain key, shared by every in-process silo and the test.</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static void Record(string grainKey) => Counts.AddOrUpdate(grainKey, 1, (_, count) => count + 1);

    public static int For(string grainKey) => Counts.GetValueOrDefault(grainKey);
}
