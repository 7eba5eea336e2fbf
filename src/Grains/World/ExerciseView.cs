using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.World;

/// <summary>The exercise as everyone may see it: the clock, the teams, the scenario's public description.</summary>
[GenerateSerializer, Immutable]
public sealed record ExerciseView(
    string ExerciseId,
    string Name,
    string ScenarioId,
    string ScenarioTitle,
    string ScenarioDescription,
    ExerciseStatus Status,
    int Turn,
    int? MaxTurns,
    TurnPhase Phase,
    DateTimeOffset? DeadlineAt,
    TimeSpan? PausedRemaining,
    DateTimeOffset? SimulatedTime,
    TimeSpan TurnDuration,
    ImmutableArray<TeamAssignment> Teams,
    bool ReviewOpen,
    string? EndReason,
    ExerciseControlView? Control);

/// <summary>What only exercise control sees: the MSEL and its progress, the seed, outcomes, undelivered changes.</summary>
[GenerateSerializer, Immutable]
public sealed record ExerciseControlView(
    ImmutableArray<MselEntry> Msel,
    long Seed,
    long Draws,
    ImmutableArray<Outcome> Outcomes,
    int PendingDeliveries);

[GenerateSerializer, Immutable]
public sealed record MselEntry(InjectDefinition Inject, bool Released);

public static class ExerciseViews
{
    public static ExerciseView For(ExerciseState state, Participant viewer)
    {
        var scenario = state.Scenario;
        var control = VisibilityPolicy.SeesControlView(viewer);
        return new ExerciseView(
            state.Id,
            state.Name,
            scenario?.Id ?? "",
            scenario?.Title ?? "",
            scenario?.Description ?? "",
            state.Status,
            state.Turn,
            scenario?.Clock.MaxTurns,
            state.Phase,
            state.DeadlineAt,
            state.PausedRemaining,
            scenario is null || state.Turn == 0 ? null : scenario.Clock.Start + (scenario.Clock.TurnDuration * (state.Turn - 1)),
            scenario?.Clock.TurnDuration ?? TimeSpan.Zero,
            [.. state.Teams.Values],
            state.ReviewOpen,
            state.EndReason,
            control && scenario is not null
                ? new ExerciseControlView(
                    [.. scenario.Msel.Select(i => new MselEntry(i, state.ReleasedInjects.Contains(i.Id)))],
                    state.Seed,
                    state.Draws,
                    [.. state.Outcomes.Values.OrderBy(o => o.Turn).ThenBy(o => o.OutcomeId, StringComparer.Ordinal)],
                    state.Outbox.Count)
                : null);
    }
}
