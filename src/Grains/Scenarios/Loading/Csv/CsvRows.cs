using System.Text;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// RFC 4180 CSV as spreadsheets save it: comma-separated, fields in double quotes may hold commas, line breaks and
/// doubled quotes. Hand-written because it is this small and no CSV package is in the central package list; it keeps
/// the line each row starts on, for problem reports.
/// </summary>
internal static class CsvRows
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    /// <summary>The rows, or the line of an unterminated quoted field.</summary>
    public static (IReadOnlyList<Row> Rows, int? UnterminatedAt) Parse(string text)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, rowStart, quoted, quoteStart) = (1, 1, false, 0);
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
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    (quoted, quoteStart) = (true, line);
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
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            return (rows, quoteStart);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow();
        }

        return (rows, null);

        void AddRow()
        {
            if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
            {
                rows.Add(new Row(rowStart, [.. fields]));
            }

            fields = [];
        }
    }
}
