using CrisisGrid.Grains.Scenarios.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CrisisGrid.Grains.Scenarios;

/// <summary>Where the silo finds the bundled scenario files.</summary>
public sealed class ScenarioLibraryOptions
{
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "scenarios");
}

/// <summary>Reads the scenario folder on each call: files are few and small, and an operator may add one at any time.</summary>
[StatelessWorker]
public sealed class ScenarioLibraryGrain(IOptions<ScenarioLibraryOptions> options, ILogger<ScenarioLibraryGrain> logger) : Grain, IScenarioLibraryGrain
{
    public Task<IReadOnlyList<ScenarioSummary>> List() => Task.FromResult<IReadOnlyList<ScenarioSummary>>(
        [.. Valid().Select(s => new ScenarioSummary(s.Id, s.Title, s.Description, s.Nations.Length, s.Alliances.Length, s.Msel.Length, s.Clock.MaxTurns))
            .OrderBy(e => e.Id, StringComparer.Ordinal)]);

    public Task<ScenarioLoadResult?> Find(string id) =>
        Task.FromResult(Files().Select(ScenarioLoader.LoadFile).FirstOrDefault(r => r.IsValid && r.Scenario!.Id == id));

    public Task<ScenarioLoadResult> Load(string yaml, string fileName) => Task.FromResult(ScenarioLoader.Load(yaml, fileName));

    private IEnumerable<ScenarioDefinition> Valid()
    {
        foreach (var file in Files())
        {
            var result = ScenarioLoader.LoadFile(file);
            if (result.IsValid)
            {
                yield return result.Scenario!;
            }
            else
            {
                logger.LogWarning("Scenario file {File} is invalid: {Problems}", file, result.Describe());
            }
        }
    }

    private IEnumerable<string> Files()
    {
        var folder = options.Value.Directory;
        return System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal) : [];
    }
}
