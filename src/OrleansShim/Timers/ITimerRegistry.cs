using Orleans.Runtime;

namespace Orleans.Timers;

/// <summary>Creates grain timers. Implemented by the host.</summary>
public interface ITimerRegistry
{
    IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
