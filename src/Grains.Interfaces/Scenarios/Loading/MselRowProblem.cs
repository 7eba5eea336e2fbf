using System.Globalization;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// One thing wrong with an MSEL CSV file, where a facilitator finds it in the spreadsheet: the row (1 is the header
/// row) and the column by its header name, what is wrong and what is allowed.
/// </summary>
/// <param name="Row">1-based spreadsheet row: the header is row 1, the first inject row 2.</param>
/// <param name="ColumnNumber">1-based column position (A = 1); 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">The column's header name (e.g. <c>turn</c>); empty when the problem concerns the whole row or file.</param>
/// <param name="Message">What is wrong, as a sentence.</param>
/// <param name="Allowed">What would be accepted, without a trailing full stop; null when nothing short can be said.</param>
[GenerateSerializer, Immutable, Alias("Scenarios.MselRowProblem")]
public sealed record MselRowProblem(int Row, int ColumnNumber, string Column, string Message, string? Allowed)
{
    /// <summary>As shown to people: <c>Row 3, column turn: '99' is not a turn of this exercise. Allowed: a whole number from 1 to 6.</c></summary>
    public override string ToString()
    {
        var where = Column.Length == 0
            ? $"Row {Row.ToString(CultureInfo.InvariantCulture)}"
            : $"Row {Row.ToString(CultureInfo.InvariantCulture)}, column {Column}";
        var allowed = Allowed is null ? "" : $" Allowed: {Allowed}.";
        return $"{where}: {Message}{allowed}";
    }
}
