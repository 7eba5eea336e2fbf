namespace Orleans.Runtime;

/// <summary>The activation whose constructor is currently running (set by the runtime).</summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    public static IGrainContext? Current => t_current;

    /// <summary>Only the runtime sets this, around grain construction and turns.</summary>
    internal static IDisposable Enter(IGrainContext context)
    {
        var previous = t_current;
        t_current = context;
        return new Restore(previous);
    }

    private sealed class Restore(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
