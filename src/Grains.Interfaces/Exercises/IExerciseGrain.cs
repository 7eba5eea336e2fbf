using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// Exercise control's grain: lifecycle, clock, injects, adjudication. Key: the exercise id. Every command is answered
/// only after its events — and the changes they cause in other grains of the exercise — are durable.
/// </summary>
[Alias("Exercises.IExerciseGrain")]
public interface IExerciseGrain : IGrainWithStringKey
{
    Task<CommandResult> Create(CommandContext command, CreateExercise create);

    Task<CommandResult> Start(CommandContext command);

    Task<CommandResult> Pause(CommandContext command);

    Task<CommandResult> Resume(CommandContext command);

    Task<CommandResult> Advance(CommandContext command, AdvancePhase advance);

    Task<CommandResult> ExtendDeadline(CommandContext command, ExtendDeadline extend);

    Task<CommandResult> End(CommandContext command, EndExercise end);

    Task<CommandResult> OpenReview(CommandContext command);

    Task<CommandResult> AssignTeam(CommandContext command, AssignTeam assign);

    Task<CommandResult> ReleaseInject(CommandContext command, ReleaseInject release);

    Task<CommandResult> InjectAdHoc(CommandContext command, InjectAdHoc inject);

    Task<CommandResult> PublishNews(CommandContext command, PublishNews news);

    Task<CommandResult> OverrideOutcome(CommandContext command, OverrideOutcome revision);

    Task<CommandResult> AdjustNation(CommandContext command, AdjustNation adjust);

    /// <summary>The full state (MSEL, seed, outcomes): for exercise control and tests, never sent to players as is.</summary>
    Task<ExerciseState> GetState();
}
