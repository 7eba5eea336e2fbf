using System.Collections.Immutable;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Injects;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// What the rows of an MSEL CSV file are checked against: the scenario's nations and clock, the inject ids already taken,
/// the teams, and the first turn still ahead (a row due at a turn that has begun would never fire at its time).
/// </summary>
/// <param name="CurrentTurn">The turn the exercise is in; 0 before it starts.</param>
public sealed record MselCsvContext(ScenarioDefinition Scenario, ImmutableHashSet<string> UsedIds, ImmutableHashSet<string> Teams, int CurrentTurn)
{
    /// <summary>Before the exercise exists: every turn is ahead; the scenario's own injects and teams count.</summary>
    public static MselCsvContext ForScenario(ScenarioDefinition scenario) => new(
        scenario,
        [.. scenario.Msel.Select(i => i.Id)],
        [.. scenario.Teams.Select(t => t.Id)],
        CurrentTurn: 0);

    /// <summary>
    /// In an exercise: ids of the MSEL (with earlier imports) and of ad hoc injects are taken; teams are those assigned;
    /// only turns after the current one are ahead.
    /// </summary>
    public static MselCsvContext ForExercise(ExerciseState state) => new(
        state.World,
        [.. state.World.Msel.Select(i => i.Id), .. state.ReleasedInjects],
        [.. state.Teams.Keys],
        state.Turn);

    /// <summary>The first turn a row may be scheduled at.</summary>
    public int FirstOpenTurn => CurrentTurn + 1;

    /// <summary>The earliest exercise time a row may be scheduled at: the start of the first turn ahead.</summary>
    public TimeSpan EarliestTime => InjectRules.TurnStartOffset(Scenario.Clock, FirstOpenTurn);
}
