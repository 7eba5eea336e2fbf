using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// One clock for the alliance: play time is wall time with the exercise's pauses taken out. Every alliance instant
/// (deadlines, stamps) is play time, so a real-time deadline keeps its remaining time across a pause; before the
/// first pause play time equals wall time.
/// </summary>
public static class ExerciseTime
{
    /// <summary>Play time at the wall-clock instant <paramref name="wall"/> (frozen at the pause while paused).</summary>
    public static DateTimeOffset PlayTime(AllianceClock clock, DateTimeOffset wall) =>
        (clock.PausedAt is { } pausedAt && pausedAt < wall ? pausedAt : wall) - clock.Paused;

    /// <summary>When the play-time instant <paramref name="play"/> falls on the wall clock; null while the clock stands still.</summary>
    public static DateTimeOffset? Wall(AllianceClock clock, DateTimeOffset play) =>
        Settles(clock) ? play + clock.Paused : null;

    /// <summary>Whether deadlines may fall and decisions be settled: not while paused, never after the end.</summary>
    public static bool Settles(AllianceClock clock) => clock.PausedAt is null && clock.Status != ExerciseStatus.Ended;

    /// <summary>The clock after the exercise reported <paramref name="status"/> at <paramref name="at"/>.</summary>
    public static AllianceClock Follow(AllianceClock clock, ExerciseStatus status, int turn, TurnPhase phase, DateTimeOffset at)
    {
        var pausing = status == ExerciseStatus.Paused;
        var next = clock with { Status = status, Turn = turn, Phase = phase };
        next = (pausing, clock.PausedAt) switch
        {
            (true, null) => next with { PausedAt = at },
            (false, { } pausedAt) => next with { PausedAt = null, Paused = clock.Paused + (at > pausedAt ? at - pausedAt : TimeSpan.Zero) },
            _ => next,
        };
        return next with { ChangedAt = PlayTime(next, at) };
    }
}
