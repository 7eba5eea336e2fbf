using System.Text;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// RFC 4180 CSV as spreadsheets save it: comma-separated, fields in double quotes may hold commas, line breaks and
/// doubled quotes. Hand-written because it is this small and no CSV package is in the central package list; it keeps
/// each row's spreadsheet row number (a cell with a line break does not start a new row), for problem reports.
/// </summary>
internal static class CsvRows
{
    /// <param name="Number">The row's number as a spreadsheet shows it: 1 is the first row of the file.</param>
    public sealed record Row(int Number, IReadOnlyList<string> Fields);

    /// <summary>
    /// The rows that hold something (rows of empty cells, which spreadsheets leave behind, are skipped but still
    /// counted), or the number of the row where a quoted cell is never closed.
    /// </summary>
    public static (IReadOnlyList<Row> Rows, int? UnterminatedAt) Parse(string text)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (number, quoted) = (1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    AddRow();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            return (rows, number);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow();
        }

        return (rows, null);

        void AddRow()
        {
            if (fields.Any(f => f.Trim().Length > 0))
            {
                rows.Add(new Row(number, [.. fields]));
            }

            number++;
            fields = [];
        }
    }
}
