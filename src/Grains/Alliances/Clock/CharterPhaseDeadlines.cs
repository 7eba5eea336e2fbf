using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Charter deadlines counted in turns and phases: resolved against the alliance's clock when they are set (a
/// <see cref="PhasePoint"/>), and due once the exercise's clock has moved past that point.
/// </summary>
public static class CharterPhaseDeadlines
{
    /// <summary>
    /// "N turns" from turn t falls when turn t + N begins (the end of turn t + N − 1's results); "end of next X phase"
    /// is the end of X in this turn if X has not begun yet, else in the next turn.
    /// </summary>
    public static PhasePoint Resolve(PhaseDeadline deadline, AllianceClock clock)
    {
        var turn = Math.Max(clock.Turn, 1);
        if (deadline.Turns is { } turns)
        {
            return new PhasePoint(turn + turns - 1, TurnPhase.Results);
        }

        var phase = deadline.EndOfNextPhase ?? TurnPhase.Results;
        var begun = clock.Turn >= 1 && clock.Phase >= phase;
        return new PhasePoint(begun ? turn + 1 : turn, phase);
    }

    /// <summary>Whether the exercise's clock has moved past <paramref name="point"/>.</summary>
    public static bool Passed(PhasePoint point, AllianceClock clock) =>
        clock.Turn > point.Turn || (clock.Turn == point.Turn && clock.Phase > point.Phase);

    /// <summary>"the end of turn 3's orders phase", for people.</summary>
    public static string Describe(PhasePoint point) =>
        $"the end of turn {point.Turn}'s {point.Phase.ToString().ToLowerInvariant()} phase";

    /// <summary>When a draft is decided, for messages: "at 2027-03-01 10:30:00Z" or "at the end of turn 3's orders phase".</summary>
    public static string Until(Draft draft) =>
        draft.DueAfter is { } point ? $"at {Describe(point)}" : $"at {draft.Deadline:u}";
}
