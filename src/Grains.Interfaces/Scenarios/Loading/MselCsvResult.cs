using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>Injects read from a CSV file, or every problem found (never both).</summary>
[GenerateSerializer, Immutable, Alias("Scenarios.MselCsvResult")]
public sealed record MselCsvResult(ImmutableArray<InjectDefinition> Injects, IReadOnlyList<MselRowProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
