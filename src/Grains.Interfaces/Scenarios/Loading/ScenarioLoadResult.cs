using System.Diagnostics.CodeAnalysis;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// The outcome of loading a scenario file: a definition, or every problem found. Never both — a scenario with any
/// problem yields no definition, so nothing half-valid reaches an exercise.
/// </summary>
[GenerateSerializer, Alias("Scenarios.ScenarioLoadResult"), Immutable]
public sealed record ScenarioLoadResult(ScenarioDefinition? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool IsValid => Scenario is not null;

    /// <summary>All problems, one per line, in file order — ready for a console or an error response.</summary>
    public string Describe() => string.Join(Environment.NewLine, Problems);
}
