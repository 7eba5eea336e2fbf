using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A deadline on the exercise's clock: it falls once the exercise has moved past the end of <see cref="Phase"/> in <see cref="Turn"/>.</summary>
[GenerateSerializer, Immutable, Alias("Alliances.PhasePoint")]
public sealed record PhasePoint(int Turn, TurnPhase Phase);
