using Orleans.Runtime;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Fails a call that has no answer within SiloOptions.ResponseTimeout. Measured on the real clock
/// (<see cref="TimeProvider.System"/>), not the silo's TimeProvider: the timeout guards against hung calls in wall
/// time, and moving a test's manual clock forward must not fail calls that are simply still running.
/// The grain is not interrupted: like Orleans, only the caller stops waiting.
/// </summary>
internal static class ResponseTimeout
{
    /// <param name="method">The called method, for the error message.</param>
    /// <param name="target">The callee (a grain or observer id), for the error message.</param>
    public static Task<object?> Apply(Task<object?> completion, TimeSpan timeout, MethodInvoker method, GrainId target)
    {
        if (completion.IsCompleted || timeout == Timeout.InfiniteTimeSpan)
        {
            return completion;
        }

        return WaitAsync(completion, timeout, method, target);
    }

    private static async Task<object?> WaitAsync(Task<object?> completion, TimeSpan timeout, MethodInvoker method, GrainId target)
    {
        try
        {
            return await completion.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!completion.IsCompleted)
        {
            // Only our own timeout is rewritten; a TimeoutException thrown by the grain reaches the caller unchanged.
            throw new TimeoutException($"{method.Name} on {target} got no response within {timeout} (SiloOptions.ResponseTimeout).");
        }
    }
}
