using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Timers;

namespace Orleans;

/// <summary>Timers and deactivation, as extension methods on <see cref="IGrainBase"/> (Orleans 8.2+ API).</summary>
public static class GrainBaseExtensions
{
    /// <summary>
    /// Creates a timer whose callback runs as a turn of this activation (never concurrently with a request).
    /// The period counts from the end of one callback to the start of the next. Timers die with the activation;
    /// use reminders for anything that must survive a restart.
    /// </summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        grain.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        var registry = grain.GrainContext.ActivationServices.GetRequiredService<ITimerRegistry>();
        return registry.RegisterGrainTimer(grain.GrainContext, callback, state, options);
    }

    public static void DeactivateOnIdle(this IGrainBase grain) =>
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));
}
