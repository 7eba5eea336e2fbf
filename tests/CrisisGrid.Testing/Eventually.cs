namespace CrisisGrid.Testing;

/// <summary>
/// Bounded polling, for effects that have no signal a test can wait on (adjudication by a timer, a closed socket, a log
/// line written after a failure). Where there is a signal — a sequence number, a pushed event — wait on that instead.
/// Fails with <see cref="TimeoutException"/> naming what did not happen and the last value seen.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {Truncate(value?.ToString())}");
            }

            await Task.Delay(Interval); // polling interval, not synchronisation: the condition is checked again
        }
    }

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, done => done, what, timeout);

    public static Task True(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), done => done, what, timeout);

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text;
}
