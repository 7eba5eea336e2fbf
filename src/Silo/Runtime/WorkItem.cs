namespace CrisisGrid.Silo.Runtime;

/// <summary>One unit of work in an activation's mailbox: a request, or a timer tick. Each runs as a turn.</summary>
internal abstract class WorkItem
{
    /// <summary>May start while other turns of the activation are waiting at an await ([AlwaysInterleave], interleaving timers).</summary>
    public abstract bool Interleaves { get; }

    /// <summary>Counts as activity for idle collection.</summary>
    public abstract bool KeepsAlive { get; }

    /// <summary>
    /// The call chain of whoever sent this item; used as the chain of OnActivateAsync when this item triggers the
    /// activation (so an activation that calls back into a waiting caller is reported as a deadlock).
    /// </summary>
    public virtual CallChain? CallerChain => null;

    /// <summary>Runs the turn on the activation's scheduler. Never throws: failures go to the item's caller or the log.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>The activation ended before this item ran: a request goes to the next activation, a timer tick is dropped.</summary>
    public abstract void OnActivationEnded(GrainRuntime runtime);

    /// <summary>The item cannot be delivered (activation failed, silo stopping).</summary>
    public abstract void Reject(Exception reason);
}
