namespace CrisisGrid.Cluster.Tests.Support;

/// <summary>
/// Bounded polling for effects with no signal of their own here (a row in another process's table, a reminder tick
/// fired by Orleans' reminder service). Fails with what it waited for.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {patience.TotalSeconds:0}s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
