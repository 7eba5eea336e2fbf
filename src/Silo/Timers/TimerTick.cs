using CrisisGrid.Silo.Runtime;

namespace CrisisGrid.Silo.Timers;

/// <summary>One tick of a <see cref="GrainTimer"/> waiting in (or running from) the activation's mailbox.</summary>
internal sealed class TimerTick(GrainTimer timer) : WorkItem
{
    public override bool Interleaves => timer.Interleave;

    public override bool KeepsAlive => timer.KeepAlive;

    public override Task ExecuteAsync(ActivationData activation) => timer.RunTickAsync();

    // A tick that did not run before its activation ended is simply dropped: timers do not outlive activations.
    public override void OnActivationEnded(GrainRuntime runtime) => timer.Dispose();

    public override void Reject(Exception reason) => timer.Dispose();
}
