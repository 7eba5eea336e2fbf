namespace CrisisGrid.Silo.Hosting;

public sealed class SiloOptions
{
    /// <summary>A grain call that has no answer after this long fails with <see cref="TimeoutException"/> (Orleans' default).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is deactivated and its memory released.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reminders with a shorter period are refused, as Orleans' ReminderOptions.MinimumReminderPeriod does (same
    /// default), so that a grain that works here keeps working on Orleans. Use grain timers for short intervals.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
