namespace Orleans.Runtime;

/// <summary>A persisted reminder registration.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}

/// <summary>Describes one reminder tick.</summary>
public readonly record struct TickStatus(DateTime FirstTickTime, TimeSpan Period, DateTime CurrentTickTime);
