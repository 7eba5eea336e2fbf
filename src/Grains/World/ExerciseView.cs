using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.World;

public static class ExerciseViews
{
    public static ExerciseView For(ExerciseState state, Participant viewer)
    {
        var scenario = state.Scenario;
        var control = viewer.IsControl || (viewer.Role == ParticipantRole.Observer && viewer.FullView);
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
