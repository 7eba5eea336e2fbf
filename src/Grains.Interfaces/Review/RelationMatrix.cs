using System.Collections.Immutable;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// Trust and tension between every pair of nations at event <paramref name="Sequence"/>: row = how that nation
/// regards the column's nation (relations are directional). The diagonal is null.
/// </summary>
[GenerateSerializer, Immutable, Alias("Review.RelationMatrix")]
public sealed record RelationMatrix(
    long Sequence,
    int Turn,
    ImmutableArray<string> Nations,
    ImmutableArray<ImmutableArray<int?>> Trust,
    ImmutableArray<ImmutableArray<int?>> Tension);
