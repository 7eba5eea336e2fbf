using System.Diagnostics;

namespace CrisisGrid.Diagnostics;

/// <summary>
/// The names the domain's traces and metrics go under, and the one ActivitySource every CrisisGrid span starts from
/// (command handling in grains, event-log appends, pushes to viewers). Dependency-free on purpose: this file can move
/// to the grain interfaces project unchanged.
/// </summary>
public static class CrisisGridTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter (<see cref="CrisisGridMetrics"/>).</summary>
    public const string Name = "CrisisGrid";

    /// <summary>Span names, stable for dashboards and tests.</summary>
    public const string CommandSpan = "crisisgrid.command";
    public const string AppendSpan = "crisisgrid.eventlog.append";
    public const string DeliverSpan = "crisisgrid.deliver";

    /// <summary>Tag keys shared by spans and metrics.</summary>
    public static class Tags
    {
        public const string Command = "crisisgrid.command";
        public const string Outcome = "crisisgrid.outcome";
        public const string RejectionCode = "crisisgrid.rejection.code";
        public const string Exercise = "crisisgrid.exercise";
        public const string Stream = "crisisgrid.stream";
        public const string Store = "crisisgrid.eventlog.store";
        public const string EventCount = "crisisgrid.event.count";
        public const string Gateway = "crisisgrid.gateway";
        public const string Role = "crisisgrid.role";
        public const string Late = "crisisgrid.late";
    }

    public static readonly ActivitySource Source = new(Name);
}
