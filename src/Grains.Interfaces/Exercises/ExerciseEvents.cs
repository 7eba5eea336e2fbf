using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Exercises;

/// <summary>The exercise exists, in draft, with its whole scenario (so a replay never needs the file) and its seed.</summary>
[EventType("exercise.created"), GenerateSerializer, Alias("Exercises.ExerciseCreated"), Immutable]
public sealed record ExerciseCreated(string Name, ScenarioDefinition Scenario, long Seed) : DomainEvent;

[EventType("exercise.team-assigned"), GenerateSerializer, Alias("Exercises.TeamAssigned"), Immutable]
public sealed record TeamAssigned(string TeamId, string TeamName, string Nation) : DomainEvent;

[EventType("exercise.started"), GenerateSerializer, Alias("Exercises.ExerciseStarted"), Immutable]
public sealed record ExerciseStarted : DomainEvent;

/// <summary>A turn begins; it covers simulated time [<paramref name="SimulatedStart"/>, <paramref name="SimulatedEnd"/>).</summary>
[EventType("exercise.turn-started"), GenerateSerializer, Alias("Exercises.TurnStarted"), Immutable]
public sealed record TurnStarted(int Turn, DateTimeOffset SimulatedStart, DateTimeOffset SimulatedEnd) : DomainEvent;

/// <summary>The turn moved to <paramref name="Phase"/>; with a real-time deadline when the scenario sets one.</summary>
[EventType("exercise.phase-changed"), GenerateSerializer, Alias("Exercises.PhaseChanged"), Immutable]
public sealed record PhaseChanged(int Turn, TurnPhase Phase, DateTimeOffset? DeadlineAt) : DomainEvent;

/// <summary>Exercise control gave the current phase more time (while paused, the remaining time grows).</summary>
[EventType("exercise.deadline-extended"), GenerateSerializer, Alias("Exercises.DeadlineExtended"), Immutable]
public sealed record DeadlineExtended(int Turn, TurnPhase Phase, TimeSpan By, DateTimeOffset? DeadlineAt, TimeSpan? PausedRemaining) : DomainEvent;

/// <summary>The clock stopped; <paramref name="Remaining"/> is what was left of the phase deadline.</summary>
[EventType("exercise.paused"), GenerateSerializer, Alias("Exercises.ExercisePaused"), Immutable]
public sealed record ExercisePaused(TimeSpan? Remaining) : DomainEvent;

[EventType("exercise.resumed"), GenerateSerializer, Alias("Exercises.ExerciseResumed"), Immutable]
public sealed record ExerciseResumed(DateTimeOffset? DeadlineAt) : DomainEvent;

[EventType("exercise.ended"), GenerateSerializer, Alias("Exercises.ExerciseEnded"), Immutable]
public sealed record ExerciseEnded(string Reason) : DomainEvent;

/// <summary>Exercise control opened the after-action review: observers now see everything.</summary>
[EventType("exercise.review-opened"), GenerateSerializer, Alias("Exercises.ReviewOpened"), Immutable]
public sealed record ReviewOpened : DomainEvent;

/// <summary>A team gave no orders by the end of the orders phase: under the missed-orders policy its nation holds.</summary>
[EventType("exercise.orders-missed"), GenerateSerializer, Alias("Exercises.OrdersMissed"), Immutable]
public sealed record OrdersMissed(int Turn, string Nation, string TeamId) : DomainEvent;

/// <summary>One order adjudicated, with the dice and every effect. <paramref name="DrawsAfter"/> is the random stream's position after it.</summary>
[EventType("exercise.action-adjudicated"), GenerateSerializer, Alias("Exercises.ActionAdjudicated"), Immutable]
public sealed record ActionAdjudicated(Outcome Outcome, long DrawsAfter) : DomainEvent;

/// <summary>What the acting nation's team learns about its own order.</summary>
[EventType("exercise.outcome-reported"), GenerateSerializer, Alias("Exercises.OutcomeReported"), Immutable]
public sealed record OutcomeReported(int Turn, string OutcomeId, string Nation, string OrderId, bool Success, string Summary) : DomainEvent;

[EventType("exercise.adjudication-completed"), GenerateSerializer, Alias("Exercises.AdjudicationCompleted"), Immutable]
public sealed record AdjudicationCompleted(int Turn, int OutcomeCount, long DrawsAfter) : DomainEvent;

/// <summary>Exercise control replaced an outcome's effects; the difference is delivered to the nations.</summary>
[EventType("exercise.outcome-overridden"), GenerateSerializer, Alias("Exercises.OutcomeOverridden"), Immutable]
public sealed record OutcomeOverridden(string OutcomeId, string Reason, ImmutableArray<OutcomeEffect> Original, ImmutableArray<OutcomeEffect> Replacement) : DomainEvent;

/// <summary>Exercise control changed a nation directly (ad hoc adjudication).</summary>
[EventType("exercise.nation-adjusted"), GenerateSerializer, Alias("Exercises.NationAdjusted"), Immutable]
public sealed record NationAdjusted(NationDelta Delta, string Reason) : DomainEvent;

[GenerateSerializer, Alias("Exercises.InjectSource")]
public enum InjectSource
{
    /// <summary>Fired by the MSEL's schedule or condition.</summary>
    Scheduled,

    /// <summary>An MSEL inject released by exercise control.</summary>
    Released,

    /// <summary>Written by exercise control during the exercise.</summary>
    AdHoc,

    /// <summary>Released by another inject's trigger.</summary>
    Triggered,
}

/// <summary>An inject entered play (full definition: exercise control only).</summary>
[EventType("exercise.inject-released"), GenerateSerializer, Alias("Exercises.InjectReleased"), Immutable]
public sealed record InjectReleased(InjectDefinition Inject, InjectSource Source, ImmutableArray<string> TargetNations) : DomainEvent;

/// <summary>What the inject's targets are told.</summary>
[EventType("exercise.inject-briefed"), GenerateSerializer, Alias("Exercises.InjectBriefed"), Immutable]
public sealed record InjectBriefed(string InjectId, string Title, InjectKind Kind, string? Brief) : DomainEvent;

/// <summary>An armed attack is on record; the alliances the victim belongs to take note.</summary>
[EventType("exercise.armed-attack-reported"), GenerateSerializer, Alias("Exercises.ArmedAttackReported"), Immutable]
public sealed record ArmedAttackReported(string Attacker, string Victim, string InjectId) : DomainEvent;

/// <summary>A team is prompted to consider requesting consultation in an alliance.</summary>
[EventType("exercise.consultation-prompted"), GenerateSerializer, Alias("Exercises.ConsultationPrompted"), Immutable]
public sealed record ConsultationPrompted(string Nation, string Alliance, string InjectId) : DomainEvent;

/// <summary>Outbox deliveries that reached their grains.</summary>
[EventType("exercise.deliveries-completed"), GenerateSerializer, Alias("Exercises.DeliveriesCompleted"), Immutable]
public sealed record DeliveriesCompleted(ImmutableArray<string> DeliveryIds) : DomainEvent;
