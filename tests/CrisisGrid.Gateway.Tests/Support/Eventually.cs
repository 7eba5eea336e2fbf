namespace CrisisGrid.Gateway.Tests.Support;

/// <summary>Polls for something that happens asynchronously (adjudication, a deadline, a closed socket), with a timeout.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}; last seen: {Truncate(value?.ToString())}");
            await Task.Delay(25);
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text;
}
