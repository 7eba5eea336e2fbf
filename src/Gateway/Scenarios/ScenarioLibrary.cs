using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Grains.Scenarios.Loading;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Scenarios;

/// <summary>The scenario files this gateway offers (the bundled samples, or a configured folder).</summary>
public sealed class ScenarioLibrary(IOptions<GatewayOptions> options, ILogger<ScenarioLibrary> logger)
{
    public sealed record Entry(string Id, string Title, string Description, int Nations, int Alliances, int Injects, int? MaxTurns);

    public IReadOnlyList<Entry> List() =>
        [.. Files().Select(ScenarioLoader.LoadFile).Where(r => r.IsValid).Select(r => r.Scenario!).Select(s =>
            new Entry(s.Id, s.Title, s.Description, s.Nations.Length, s.Alliances.Length, s.Msel.Length, s.Clock.MaxTurns)).OrderBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>Loads the scenario whose id is <paramref name="id"/>; null when no file declares it.</summary>
    public ScenarioLoadResult? Find(string id)
    {
        foreach (var file in Files())
        {
            var result = ScenarioLoader.LoadFile(file);
            if (!result.IsValid)
            {
                logger.LogWarning("Scenario file {File} is invalid: {Problems}", file, result.Describe());
                continue;
            }

            if (result.Scenario!.Id == id)
            {
                return result;
            }
        }

        return null;
    }

    private IEnumerable<string> Files()
    {
        var folder = options.Value.ScenarioDirectory;
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal) : [];
    }
}
