using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Exercises;

/// <summary>MSEL import from a CSV file (<see cref="MselImportRules"/>).</summary>
public sealed partial class ExerciseGrain
{
    public async Task<MselImportResult> ImportMsel(CommandContext command, ImportMsel import)
    {
        var problems = ImmutableArray<MselRowProblem>.Empty;
        var injects = ImmutableArray<InjectDefinition>.Empty;
        var result = await Run(command, s =>
        {
            var decision = MselImportRules.Import(s, command.Actor, import);
            (problems, injects) = (decision.Problems, decision.Injects);
            return decision.Decision;
        });
        if (result.Duplicate)
        {
            // A retry is answered from the first import; the injects it added are those of the file now in the MSEL.
            // Read against the exercise as it was before (no id taken, no turn begun), so the file reads as it did then.
            var before = MselCsvContext.ForExercise(State) with { UsedIds = [], CurrentTurn = 0 };
            var ids = MselCsvLoader.Load(import.Csv, before).Injects.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            injects = [.. State.World.Msel.Where(i => ids.Contains(i.Id))];
        }

        return new MselImportResult(result, problems, injects);
    }
}
