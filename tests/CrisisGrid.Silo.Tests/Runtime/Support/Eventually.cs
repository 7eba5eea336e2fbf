namespace CrisisGrid.Silo.Tests.Runtime.Support;

/// <summary>Bounded polling, for effects that have no signal of their own (such as a log line written after a failure).</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Probe.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(10);
        }
    }
}
