using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// End means ended, and a pause stops the clock. The exercise pushes its clock (<see cref="FollowExerciseClock"/>);
/// the alliance settles what fell due before the change (on the clock as it was), records the change, and from then
/// on refuses every act once the exercise has ended and settles nothing while it is paused.
/// </summary>
public static partial class AllianceRules
{
    public static Decision FollowExerciseClock(AllianceState state, Participant actor, FollowExerciseClock command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only the exercise reports its clock to an alliance.");
        }

        if (!state.Initialized || state.Clock.Status == ExerciseStatus.Ended)
        {
            return Decision.Accept(); // nothing to follow: not set up, or nothing moves after the end
        }

        var (due, current) = AllianceSettlement.Settle(state, ExerciseTime.PlayTime(state.Clock, command.At));
        var followed = new PendingEvent(new ExerciseClockFollowed(command.Status, command.Turn, command.Phase, command.At), Audience.Control);
        var next = AllianceEvolve.Apply(current, followed.Event);
        var (follow, _) = AllianceSettlement.Settle(next, ExerciseTime.PlayTime(next.Clock, command.At));
        return Decision.Accept([.. due, followed, .. follow]);
    }

    /// <summary>The refusal every act gets once the exercise has ended; null while it runs.</summary>
    public static Rejection? EndedRefusal(AllianceState state) =>
        state.Clock.Status == ExerciseStatus.Ended
            ? new Rejection(
                AllianceRejectionCodes.ExerciseEnded,
                $"The exercise has ended: {state.Name} takes no more acts (no consultations, drafts, votes, responses, pledges or orders in its name).",
                null)
            : null;
}
