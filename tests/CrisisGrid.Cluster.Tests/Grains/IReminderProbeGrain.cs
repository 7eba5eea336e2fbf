namespace CrisisGrid.Cluster.Tests.Grains;

/// <summary>A grain that only keeps a durable reminder, so the test can watch the reminder table work.</summary>
[Alias("ClusterTests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartTicking(TimeSpan period);
}
