using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises.AdjudicationReview;

namespace CrisisGrid.Grains.Exercises;

/// <summary>Review before release (AdjudicationReview/AdjudicationReviewRules.cs): thin calls into the pure rules.</summary>
public sealed partial class ExerciseGrain
{
    public Task<CommandResult> ReviewOutcome(CommandContext command, ReviewOutcome review) =>
        Run(command, s => AdjudicationReviewRules.Review(s, command.Actor, review));

    public Task<CommandResult> ReleaseResults(CommandContext command, ReleaseResults release) =>
        Run(command, s => AdjudicationReviewRules.Release(s, command.Actor, release));

    public Task<CommandResult> SetAdjudicationReview(CommandContext command, SetAdjudicationReview set) =>
        Run(command, s => AdjudicationReviewRules.Set(s, command.Actor, set));

    public Task<AdjudicationQueueView?> GetAdjudicationQueue(Participant viewer) => Task.FromResult(AdjudicationQueueViews.For(State, viewer));
}
