using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CrisisGrid.Diagnostics;

/// <summary>
/// The domain's instruments (Meter "CrisisGrid"): how the exercise runs, not only how the process runs. One singleton
/// per process, created through <see cref="IMeterFactory"/> so each host owns its Meter. Grains, the event log and the
/// gateway record here; OpenTelemetry exports it, and the operator endpoint reads it. Dependency-free on purpose:
/// this file can move to the grain interfaces project unchanged.
/// </summary>
public sealed class CrisisGridMetrics
{
    /// <summary>Outcomes a command can have, as the <c>crisisgrid.outcome</c> tag.</summary>
    public static class Outcomes
    {
        public const string Accepted = "accepted";
        public const string Rejected = "rejected";
        public const string Duplicate = "duplicate";
        public const string Failed = "failed";
    }

    /// <summary>A deadline counts as late when it fires more than this after it fell (reminder and timer slack).</summary>
    public static readonly TimeSpan LateDeadlineThreshold = TimeSpan.FromSeconds(2);

    private readonly Counter<long> _commands;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<double> _deliveryLatency;
    private readonly UpDownCounter<long> _connectedClients;
    private readonly UpDownCounter<long> _activeExercises;
    private readonly Histogram<double> _deadlineLateness;

    public CrisisGridMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(CrisisGridTelemetry.Name);
        _commands = Meter.CreateCounter<long>("crisisgrid.commands", "{command}", "Commands handled by grains, by command and outcome.");
        _rejections = Meter.CreateCounter<long>("crisisgrid.commands.rejected", "{command}", "Commands the rules refused, by rejection code.");
        _commandDuration = Meter.CreateHistogram<double>("crisisgrid.command.duration", "s", "Time a grain took to decide, persist and publish one command.");
        _appendDuration = Meter.CreateHistogram<double>("crisisgrid.eventlog.append.duration", "s", "Time to append one batch durably to the event log.");
        _deliveryLatency = Meter.CreateHistogram<double>("crisisgrid.delivery.latency", "s", "Time from an event's append to its push to viewers, per gateway.");
        _connectedClients = Meter.CreateUpDownCounter<long>("crisisgrid.clients.connected", "{connection}", "Live hub connections, by role and gateway.");
        _activeExercises = Meter.CreateUpDownCounter<long>("crisisgrid.exercises.active", "{exercise}", "Exercises running or paused in this silo's activations.");
        _deadlineLateness = Meter.CreateHistogram<double>("crisisgrid.deadline.lateness", "s", "How long after it fell a phase deadline fired; tagged late when beyond the threshold.");
    }

    public Meter Meter { get; }

    /// <summary>Records one handled command. <paramref name="rejectionCode"/> only for rejected ones.</summary>
    public void CommandHandled(string command, string outcome, TimeSpan elapsed, string? rejectionCode = null)
    {
        var tags = new TagList { { CrisisGridTelemetry.Tags.Command, command }, { CrisisGridTelemetry.Tags.Outcome, outcome } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalSeconds, tags);
        if (rejectionCode is not null)
        {
            _rejections.Add(1, new KeyValuePair<string, object?>(CrisisGridTelemetry.Tags.RejectionCode, rejectionCode));
        }
    }

    public void Appended(string store, string outcome, TimeSpan elapsed) =>
        _appendDuration.Record(elapsed.TotalSeconds, new TagList { { CrisisGridTelemetry.Tags.Store, store }, { CrisisGridTelemetry.Tags.Outcome, outcome } });

    public void Delivered(string gateway, TimeSpan sinceAppend) =>
        _deliveryLatency.Record(Math.Max(0, sinceAppend.TotalSeconds), new KeyValuePair<string, object?>(CrisisGridTelemetry.Tags.Gateway, gateway));

    public void ClientConnected(string role, string gateway) =>
        _connectedClients.Add(1, new TagList { { CrisisGridTelemetry.Tags.Role, role }, { CrisisGridTelemetry.Tags.Gateway, gateway } });

    public void ClientDisconnected(string role, string gateway) =>
        _connectedClients.Add(-1, new TagList { { CrisisGridTelemetry.Tags.Role, role }, { CrisisGridTelemetry.Tags.Gateway, gateway } });

    public void ExerciseBecameActive() => _activeExercises.Add(1);

    public void ExerciseBecameInactive() => _activeExercises.Add(-1);

    public void DeadlineFired(TimeSpan lateness)
    {
        var late = lateness > LateDeadlineThreshold;
        _deadlineLateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>(CrisisGridTelemetry.Tags.Late, late));
    }
}
