using System.Diagnostics;
using System.Runtime.CompilerServices;
using CrisisGrid.Diagnostics;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Feed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// The shape every stateful grain shares: load the stream on activation, ask the pure rules for a decision,
/// persist the events (optimistic concurrency on the stream version), fold them into the state, publish them to the
/// exercise feed, and only then acknowledge. A command id seen before is answered with its first outcome.
/// </summary>
/// <remarks>Plain Orleans: a grain with injected services (the event log, the rules' clock).</remarks>
public abstract class EventSourcedGrain<TState> : Grain
    where TState : class
{
    private readonly Dictionary<string, CommandResult> _processed = new(StringComparer.Ordinal);
    private CrisisGridMetrics? _metrics;

    protected EventSourcedGrain(IEventLog log, RulesClock clock, ILogger logger)
    {
        Log = log;
        Time = clock.Time;
        Logger = logger;
    }

    protected IEventLog Log { get; }

    /// <summary>The rules' clock: exercise time and deadlines (never Orleans' own runtime clock).</summary>
    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    protected TState State { get; private set; } = null!;

    /// <summary>The process's domain instruments; absent in hosts that register none (rule-level test harnesses).</summary>
    protected CrisisGridMetrics? Metrics => _metrics ??= ServiceProvider.GetService<CrisisGridMetrics>();

    /// <summary>Number of events in this grain's stream.</summary>
    protected long Version { get; private set; }

    /// <summary>Sequence number of the last event of this stream in the exercise log (0 when none).</summary>
    protected long LastSequence { get; private set; }

    protected abstract string ExerciseId { get; }

    protected abstract string Stream { get; }

    /// <summary>Whether recorded events go to the exercise feed (grains outside any exercise, like the catalog, say no).</summary>
    protected virtual bool PublishesToFeed => true;

    protected abstract TState InitialState();

    /// <summary>The pure state transition for one recorded event of this stream.</summary>
    protected abstract TState Evolve(TState state, RecordedEvent recorded);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State = InitialState();
        foreach (var recorded in await Log.ReadStreamAsync(ExerciseId, Stream, cancellationToken))
        {
            Fold(recorded);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the stream again: for events written to it outside this activation (a fork's copied history).
    /// </summary>
    protected async Task Reload()
    {
        State = InitialState();
        Version = 0;
        LastSequence = 0;
        foreach (var recorded in await Log.ReadStreamAsync(ExerciseId, Stream))
        {
            Fold(recorded);
        }
    }

    /// <summary>
    /// Runs one command through the rules. Returns the rejection unchanged, or persists and publishes the events and
    /// returns their sequence range.
    /// </summary>
    protected async Task<CommandResult> Execute(CommandContext command, Func<TState, Decision> decide, [CallerMemberName] string commandName = "")
    {
        // One span and one measurement per command: its name is the grain's method ("Nation.Submit"), never its data.
        var name = $"{GetType().Name.Replace("Grain", string.Empty, StringComparison.Ordinal)}.{commandName}";
        using var activity = CrisisGridTelemetry.Source.StartActivity(CrisisGridTelemetry.CommandSpan);
        activity?.SetTag(CrisisGridTelemetry.Tags.Command, name);
        activity?.SetTag(CrisisGridTelemetry.Tags.Exercise, ExerciseId);
        var started = Stopwatch.GetTimestamp();
        var outcome = CrisisGridMetrics.Outcomes.Failed;
        string? rejectionCode = null;
        try
        {
            var result = await Decide(command, decide);
            (outcome, rejectionCode) = result switch
            {
                { Duplicate: true } => (CrisisGridMetrics.Outcomes.Duplicate, null),
                { Accepted: true } => (CrisisGridMetrics.Outcomes.Accepted, null),
                _ => (CrisisGridMetrics.Outcomes.Rejected, result.Rejection?.Code),
            };
            return result;
        }
        finally
        {
            activity?.SetTag(CrisisGridTelemetry.Tags.Outcome, outcome);
            if (rejectionCode is not null)
            {
                activity?.SetTag(CrisisGridTelemetry.Tags.RejectionCode, rejectionCode);
            }

            Metrics?.CommandHandled(name, outcome, Stopwatch.GetElapsedTime(started), rejectionCode);
        }
    }

    private async Task<CommandResult> Decide(CommandContext command, Func<TState, Decision> decide)
    {
        if (_processed.TryGetValue(command.CommandId, out var earlier))
        {
            return earlier.AsDuplicate();
        }

        var decision = decide(State);
        if (!decision.IsAccepted)
        {
            return CommandResult.Rejected(decision.Rejection!);
        }

        var recorded = await Record(decision.Events, command.CommandId);
        return recorded.Count == 0
            ? CommandResult.AcceptedAt(null, null)
            : CommandResult.AcceptedAt(recorded[0].Sequence, recorded[^1].Sequence);
    }

    /// <summary>Whether a command with this id was already recorded here (its retry is answered as a duplicate).</summary>
    protected bool Handled(string commandId) => _processed.ContainsKey(commandId);

    /// <summary>Persists events the grain decided on by itself (a deadline, a resumed step) and publishes them.</summary>
    protected async Task<IReadOnlyList<RecordedEvent>> Record(IReadOnlyList<PendingEvent> events, string? commandId)
    {
        if (events.Count == 0)
        {
            return [];
        }

        IReadOnlyList<RecordedEvent> recorded;
        try
        {
            recorded = await Log.AppendAsync(ExerciseId, Stream, Version, commandId, events);
        }
        catch (EventLogConcurrencyException)
        {
            // Another writer owns this stream now (a second process on the same database). Our state is stale:
            // drop this activation so the next call starts from the log, and let the caller retry.
            DeactivateOnIdle();
            throw;
        }

        foreach (var e in recorded)
        {
            Fold(e);
        }

        if (PublishesToFeed)
        {
            await PublishToFeed(recorded);
        }

        return recorded;
    }

    private void Fold(RecordedEvent recorded)
    {
        State = Evolve(State, recorded);
        Version = recorded.StreamVersion;
        LastSequence = recorded.Sequence;
        if (recorded.CommandId is { } commandId)
        {
            _processed[commandId] = _processed.TryGetValue(commandId, out var first)
                ? CommandResult.AcceptedAt(first.FirstSequence, recorded.Sequence)
                : CommandResult.AcceptedAt(recorded.Sequence, recorded.Sequence);
        }
    }

    private async Task PublishToFeed(IReadOnlyList<RecordedEvent> recorded)
    {
        try
        {
            await GrainFactory.GetGrain<IExerciseFeedGrain>(ExerciseId).Publish(recorded);
        }
        catch (Exception ex)
        {
            // The events are durable; the feed fills any gap from the log, so a failed publish loses nothing.
            Logger.LogWarning(ex, "Publishing events {First}..{Last} of {Exercise} to the feed failed", recorded[0].Sequence, recorded[^1].Sequence, ExerciseId);
        }
    }
}
