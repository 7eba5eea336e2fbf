using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// The exercise's clock as the alliance was last told it (the exercise pushes every status and phase change through
/// its outbox; the alliance never asks). <see cref="Status"/> is null until the first push (an alliance used on its
/// own, in tests, runs freely). <see cref="PausedAt"/> is the wall-clock instant of the current pause;
/// <see cref="Paused"/> the total of the pauses that are over; <see cref="ChangedAt"/> the play time of the last change
/// (when deadlines counted in phases fell). Alliance deadlines are kept on play time (wall time
/// minus pauses, see <see cref="ExerciseTime"/>), so they stand still while the exercise is paused.
/// </summary>
[GenerateSerializer, Immutable, Alias("Alliances.AllianceClock")]
public sealed record AllianceClock(ExerciseStatus? Status, int Turn, TurnPhase Phase, DateTimeOffset? PausedAt, TimeSpan Paused, DateTimeOffset? ChangedAt)
{
    public static AllianceClock NotTold { get; } = new(null, 0, TurnPhase.Planning, null, TimeSpan.Zero, null);
}
