using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Fills in the relations a file leaves out, so every loaded nation regards every other nation explicitly: grains
/// and the after-action review then never need to know the default. Listed relations keep their values; the full
/// list follows the order of the nations in the file.
/// </summary>
internal static class RelationDefaults
{
    public static ImmutableArray<NationDefinition> Complete(ImmutableArray<NationDefinition> nations) =>
        [.. nations.Select(nation => nation with
        {
            Relations = [.. nations
                .Where(other => other.Code != nation.Code)
                .Select(other => nation.Relations.FirstOrDefault(r => r.With == other.Code)
                    ?? new RelationDefinition(other.Code, ScenarioDefaults.Trust, ScenarioDefaults.Tension))],
        })];
}
