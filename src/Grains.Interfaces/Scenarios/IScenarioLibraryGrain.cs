using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Scenarios;

/// <summary>
/// The scenarios a deployment offers, and the check of an uploaded one. Loading is the scenario rules' work, so it
/// runs in the silo, never in the gateway; any silo can answer (a stateless worker).
/// </summary>
[Alias("Scenarios.IScenarioLibraryGrain")]
public interface IScenarioLibraryGrain : IGrainWithIntegerKey
{
    /// <summary>The bundled scenarios that load without problems, by id.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ScenarioSummary>> List();

    /// <summary>The bundled scenario with this id; null when no file declares it.</summary>
    [Alias("Find")]
    Task<ScenarioLoadResult?> Find(string id);

    /// <summary>Loads an uploaded scenario: a definition, or every problem with its position.</summary>
    [Alias("Load")]
    Task<ScenarioLoadResult> Load(string yaml, string fileName);
}

/// <summary>One line of the scenario list.</summary>
[GenerateSerializer, Immutable, Alias("Scenarios.ScenarioSummary")]
public sealed record ScenarioSummary(string Id, string Title, string Description, int Nations, int Alliances, int Injects, int? MaxTurns);
