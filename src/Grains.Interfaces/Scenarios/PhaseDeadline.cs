using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Scenarios;

/// <summary>
/// A charter deadline on the exercise's own clock instead of real time: <see cref="Turns"/> whole turns ("2 turns":
/// until the turn after next begins), or the end of the next <see cref="EndOfNextPhase"/> phase that is not already
/// under way ("end of next orders phase"). Exactly one is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Scenarios.PhaseDeadline")]
public sealed record PhaseDeadline(int? Turns, TurnPhase? EndOfNextPhase);
