using CrisisGrid.Silo.Runtime;
using Orleans.Runtime;
using Orleans.Timers;

namespace CrisisGrid.Silo.Timers;

/// <summary>The silo's <see cref="ITimerRegistry"/>: timers bound to activations, on the silo's TimeProvider.</summary>
internal sealed class TimerRegistry(GrainRuntime runtime) : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        if (grainContext is not ActivationData activation)
        {
            throw new ArgumentException($"{grainContext} is not an activation of this silo; grain timers belong to activations.", nameof(grainContext));
        }

        GrainTimer.ValidateTimes(options.DueTime, options.Period);
        var timer = new GrainTimer(activation, ct => callback(state, ct), options, runtime.Time, runtime.Logger);
        if (!activation.AddTimer(timer))
        {
            // Registered while the activation is going away (e.g. from OnDeactivateAsync): it never ticks.
            timer.Dispose();
            return timer;
        }

        timer.Start(options.DueTime);
        return timer;
    }
}
