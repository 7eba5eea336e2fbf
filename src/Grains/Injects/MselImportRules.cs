using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Injects;

/// <summary>A decision on an MSEL import: the decision itself and, when the file is refused for its content, every problem in it.</summary>
public sealed record MselImportDecision(Decision Decision, ImmutableArray<MselRowProblem> Problems, ImmutableArray<Scenarios.InjectDefinition> Injects);

/// <summary>
/// Exercise control adds injects to the exercise's MSEL from a CSV file. Only exercise control imports, and only until
/// the exercise ends. Every row is checked against the exercise as it is now (ids not yet used by the MSEL or an ad hoc
/// inject, nations and teams of this exercise, a turn or time still ahead); the file is refused with every problem, by
/// row and column, if any row is bad, and then nothing changes. Imported injects join the MSEL itself, so they are due,
/// released and briefed exactly like the scenario's own (<see cref="InjectRules"/>).
/// </summary>
public static class MselImportRules
{
    public const int MaxFileNameLength = 120;

    public static MselImportDecision Import(ExerciseState state, Participant actor, ImportMsel command)
    {
        if (!actor.IsControl)
        {
            return Refused(Decision.Forbidden($"Only exercise control can import injects into the MSEL; you are {actor}."));
        }

        if (state.Status is ExerciseStatus.NotCreated or ExerciseStatus.Ended)
        {
            return Refused(Decision.Reject(
                RejectionCodes.InvalidState,
                state.Status == ExerciseStatus.Ended ? "The exercise has ended: its MSEL takes no more injects." : $"Exercise {state.Id} does not exist.",
                "status",
                "while the exercise is a draft, running or paused"));
        }

        var fileName = FileName(command.FileName);
        if (fileName is null)
        {
            return Refused(Decision.Reject(RejectionCodes.InvalidArgument, "The file needs a name.", "fileName", $"1 to {MaxFileNameLength} characters"));
        }

        var read = MselCsvLoader.Load(command.Csv, MselCsvContext.ForExercise(state));
        if (!read.IsValid)
        {
            var count = read.Problems.Count;
            return new(
                Decision.Reject(MselImportResult.InvalidFileCode, $"{fileName} has {count} {(count == 1 ? "problem" : "problems")}; no inject was imported.", "csv",
                    "a CSV file in the MSEL format (docs/msel-csv.md)"),
                [.. read.Problems],
                []);
        }

        return new(Decision.Accept(new PendingEvent(new MselRowsImported(fileName, read.Injects), Audience.Control)), [], read.Injects);
    }

    /// <summary>The name as shown in the log: without folders (browsers send some), trimmed; null when nothing is left.</summary>
    private static string? FileName(string? name)
    {
        var plain = name?.Replace('\\', '/').Split('/')[^1].Trim();
        return string.IsNullOrEmpty(plain) || plain.Length > MaxFileNameLength || plain.Any(char.IsControl) ? null : plain;
    }

    private static MselImportDecision Refused(Decision decision) => new(decision, [], []);
}
