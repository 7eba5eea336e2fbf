namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Starts runtime work without capturing the caller's <see cref="ExecutionContext"/>. A grain turn must not inherit
/// the async-locals of whoever happened to enqueue it (another request's pump, a timer thread, a test), and a timer
/// must not keep a grain turn's context alive; the runtime sets what a turn needs (its call chain) explicitly.
/// </summary>
internal static class ExecutionFlow
{
    public static T WithoutFlow<TState, T>(Func<TState, T> action, TState state)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return action(state);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return action(state);
        }
    }

    /// <summary>A timer from <paramref name="time"/> whose callback runs in a clean context.</summary>
    public static ITimer CreateTimer(TimeProvider time, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        WithoutFlow(t => t.time.CreateTimer(t.callback, t.state, t.dueTime, t.period), (time, callback, state, dueTime, period));
}
