namespace Orleans.Runtime;

/// <summary>A timer bound to one activation. Dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period. <see cref="Timeout.InfiniteTimeSpan"/> as period means one-shot.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

public sealed class GrainTimerCreationOptions
{
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one callback and the next; <see cref="Timeout.InfiniteTimeSpan"/> for one-shot.</summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>When true the callback may interleave with requests at await points.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true a tick counts as activity for idle collection.</summary>
    public bool KeepAlive { get; init; }
}
