using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.Exercises.AdjudicationReview;

/// <summary>The review queue for a viewer: held outcomes and rationales only for those the visibility policy allows.</summary>
public static class AdjudicationQueueViews
{
    public static AdjudicationQueueView? For(ExerciseState state, Participant viewer)
    {
        // An observer sees it once the after-action review is open, like the rest of control's record.
        if (!VisibilityPolicy.SeesAdjudicationQueue(VisibilityPolicy.InExercise(viewer, state.ReviewOpen)) || state.Scenario is null)
        {
            return null;
        }

        if (state.Queue is not { } queue)
        {
            return new AdjudicationQueueView(state.ReviewAdjudications, null, 0, []);
        }

        var held = queue.OutcomeIds
            .Where(state.Outcomes.ContainsKey)
            .Select(id => queue.Reviews.TryGetValue(id, out var review)
                ? new HeldOutcomeView(state.Outcomes[id], review.Verdict, review.Rationale, review.Effects)
                : new HeldOutcomeView(state.Outcomes[id], null, null, null));
        return new AdjudicationQueueView(state.ReviewAdjudications, queue.Turn, queue.PendingCount, [.. held]);
    }
}
