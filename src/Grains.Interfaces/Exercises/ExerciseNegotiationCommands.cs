using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// Convenes talks during the exercise. A team convenes as its own nation (<paramref name="As"/>), which must be a
/// party or the mediator; exercise control convenes any talks.
/// </summary>
[GenerateSerializer, Immutable, Alias("Exercises.ConveneNegotiation")]
public sealed record ConveneNegotiation(TalksDefinition Talks, string? As = null);
