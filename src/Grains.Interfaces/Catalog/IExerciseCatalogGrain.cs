using System.Collections.Immutable;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Catalog;

/// <summary>The list of exercises on this installation. One grain, key <see cref="ExerciseCatalog.Key"/>.</summary>
[Alias("Catalog.IExerciseCatalogGrain")]
public interface IExerciseCatalogGrain : IGrainWithStringKey
{
    /// <summary>Lists an exercise (idempotent).</summary>
    Task List(ExerciseEntry entry);

    /// <summary>Records where an exercise's clock stands (ignored when nothing changed).</summary>
    Task UpdateStatus(string exerciseId, ExerciseStatus status, int turn, TurnPhase phase);

    Task<ImmutableArray<ExerciseEntry>> GetEntries();
}

public static class ExerciseCatalog
{
    public const string Key = "catalog";

    /// <summary>The catalog's own log lives under this pseudo-exercise id, which no real exercise can take.</summary>
    public const string LogId = "_catalog";
}
