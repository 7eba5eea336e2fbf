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

    /// <summary>Adds injects to the MSEL from a CSV file (exercise control); every problem by row and column (Injects/MselImportRules.cs).</summary>
    Task<Injects.MselImportResult> ImportMsel(CommandContext command, Injects.ImportMsel import);

    /// <summary>Convenes negotiation talks (exercise control, or a team as a party or mediator); docs/negotiations.md.</summary>
    Task<CommandResult> ConveneNegotiation(CommandContext command, ConveneNegotiation convene);

    /// <summary>Approves, amends or voids a held outcome, with a rationale (AdjudicationReview; docs/adjudication.md).</summary>
    Task<CommandResult> ReviewOutcome(CommandContext command, AdjudicationReview.ReviewOutcome review);

    /// <summary>Releases the held turn's reviewed outcomes to the nations; refused while any is unreviewed.</summary>
    Task<CommandResult> ReleaseResults(CommandContext command, AdjudicationReview.ReleaseResults release);

    /// <summary>Turns the review of adjudications on or off from the next adjudication on.</summary>
    Task<CommandResult> SetAdjudicationReview(CommandContext command, AdjudicationReview.SetAdjudicationReview set);

    /// <summary>The review queue for <paramref name="viewer"/>; null when the viewer may not see it.</summary>
    Task<AdjudicationReview.AdjudicationQueueView?> GetAdjudicationQueue(Access.Participant viewer);

    /// <summary>After the exercise: teams may read the whole archive (Review/ReviewRules.cs).</summary>
    Task<CommandResult> RevealArchive(CommandContext command);

    /// <summary>Starts a new exercise from event N of this one; recorded in both logs. Output: the fork's id.</summary>
    Task<CommandResult> Fork(CommandContext command, Review.ForkExercise fork);

    /// <summary>Called by the original on the fork's grain: copy the history up to N and play on from it.</summary>
    Task<CommandResult> CreateFork(CommandContext command, Review.CreateFork fork);

    /// <summary>The full state (MSEL, seed, outcomes): for exercise control and tests, never sent to players as is.</summary>
    Task<ExerciseState> GetState();
}
