using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Injects;

/// <summary>The facts conditional injects look at: the turn and every nation's indices and relations.</summary>
[GenerateSerializer, Immutable]
public sealed record WorldFacts(int Turn, ImmutableSortedDictionary<string, NationState> Nations)
{
    public static WorldFacts From(int turn, IEnumerable<NationState> nations) =>
        new(turn, nations.ToImmutableSortedDictionary(n => n.Code, n => n, StringComparer.Ordinal));
}
