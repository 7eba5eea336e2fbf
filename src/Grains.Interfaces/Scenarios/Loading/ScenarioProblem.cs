namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// One thing wrong with a scenario file: where it is (file, 1-based line and column, field path such as
/// <c>nations[2].indices.economy</c>), what is wrong, and — when it can be said briefly — what is allowed instead.
/// </summary>
/// <param name="File">The file name as given to the loader (used only for messages).</param>
/// <param name="Line">1-based line of the offending node (for a missing key: the line of the mapping that lacks it).</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Path">The field path; empty for problems with the file as a whole (e.g. YAML syntax errors).</param>
/// <param name="Message">What is wrong, as a sentence.</param>
/// <param name="Allowed">What would be accepted, without a trailing full stop; null when nothing short can be said.</param>
[GenerateSerializer, Alias("Scenarios.ScenarioProblem"), Immutable]
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message, string? Allowed)
{
    /// <summary>Compiler-style: <c>baltic.yaml:12:7: nations[2].indices.economy: 140 is out of range. Allowed: an integer from 0 to 100.</c></summary>
    public override string ToString()
    {
        var where = Path.Length == 0 ? "" : $"{Path}: ";
        var allowed = Allowed is null ? "" : $" Allowed: {Allowed}.";
        return $"{File}:{Line}:{Column}: {where}{Message}{allowed}";
    }
}
