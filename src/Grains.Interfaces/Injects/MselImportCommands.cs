using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Injects;

/// <summary>
/// Exercise control adds injects to the exercise's MSEL from a CSV file (the spreadsheet facilitators keep). Every row is
/// checked against the exercise as it is now; one bad row imports nothing (docs/msel-csv.md).
/// </summary>
/// <param name="Csv">The file's text (UTF-8 decoded by the caller).</param>
/// <param name="FileName">The file's name as the facilitator chose it, for the log ("imported from msel-turn3.csv").</param>
[GenerateSerializer, Immutable, Alias("Injects.ImportMsel")]
public sealed record ImportMsel(string Csv, string FileName);

/// <summary>
/// The answer to <see cref="ImportMsel"/>: the command's result; when the file had problems, every one of them (and the
/// result is a rejection with code <see cref="InvalidFileCode"/>); when accepted, the injects now in the MSEL.
/// </summary>
[GenerateSerializer, Immutable, Alias("Injects.MselImportResult")]
public sealed record MselImportResult(CommandResult Result, ImmutableArray<MselRowProblem> Problems, ImmutableArray<InjectDefinition> Injects)
{
    public const string InvalidFileCode = "invalid-msel-file";
}
