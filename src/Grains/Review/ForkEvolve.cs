using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Review;

/// <summary>What a fork's <see cref="ForkedFrom"/> does to the copied exercise state.</summary>
public static class ForkEvolve
{
    /// <summary>
    /// The fork takes its own name and seed (a new seed restarts the random stream; the same seed continues it, so
    /// the fork replays the original's dice until play diverges), starts paused without a deadline so no deadline of
    /// the original fires in it, and has its review closed.
    /// </summary>
    public static ExerciseState Forked(ExerciseState state, ForkedFrom forked) => state with
    {
        Name = forked.Name,
        Seed = forked.Seed,
        Draws = forked.Seed == state.Seed ? state.Draws : 0,
        Status = state.Status is ExerciseStatus.Draft ? ExerciseStatus.Draft : ExerciseStatus.Paused,
        DeadlineAt = null,
        PausedRemaining = null,
        EndReason = null,
        ReviewOpen = false,
        ArchiveRevealed = false,
    };
}
