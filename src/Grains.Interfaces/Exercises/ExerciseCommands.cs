using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Exercises;

[GenerateSerializer, Alias("Exercises.CreateExercise"), Immutable]
public sealed record CreateExercise(string Name, ScenarioDefinition Scenario, long Seed);

/// <summary>
/// Moves the turn to its next phase. <paramref name="ExpectedTurn"/>/<paramref name="ExpectedPhase"/>, when given,
/// must match the clock: two facilitators clicking "advance" at once move it once, not twice.
/// </summary>
[GenerateSerializer, Alias("Exercises.AdvancePhase"), Immutable]
public sealed record AdvancePhase(int? ExpectedTurn = null, TurnPhase? ExpectedPhase = null);

[GenerateSerializer, Alias("Exercises.ExtendDeadline"), Immutable]
public sealed record ExtendDeadline(TimeSpan By);

[GenerateSerializer, Alias("Exercises.EndExercise"), Immutable]
public sealed record EndExercise(string Reason);

[GenerateSerializer, Alias("Exercises.AssignTeam"), Immutable]
public sealed record AssignTeam(string TeamId, string TeamName, string Nation);

/// <summary>Releases an MSEL inject now, whatever its schedule.</summary>
[GenerateSerializer, Alias("Exercises.ReleaseInject"), Immutable]
public sealed record ReleaseInject(string InjectId);

/// <summary>An inject written by exercise control during the exercise; it fires at once (its schedule is ignored).</summary>
[GenerateSerializer, Alias("Exercises.InjectAdHoc"), Immutable]
public sealed record InjectAdHoc(InjectDefinition Inject);

[GenerateSerializer, Alias("Exercises.PublishNews"), Immutable]
public sealed record PublishNews(string Headline, string Body, ImmutableDictionary<string, int>? PublicSupport = null);

/// <summary>Replaces an adjudicated outcome's effects; <paramref name="Reason"/> is required and logged.</summary>
[GenerateSerializer, Alias("Exercises.OverrideOutcome"), Immutable]
public sealed record OverrideOutcome(string OutcomeId, ImmutableArray<NationDelta> Effects, string Reason);

/// <summary>Changes a nation directly (ad hoc adjudication); <paramref name="Reason"/> is required and logged.</summary>
[GenerateSerializer, Alias("Exercises.AdjustNation"), Immutable]
public sealed record AdjustNation(NationDelta Delta, string Reason);
