using System.Text;

namespace ReluKernels.Cli.Figures;

/// <summary>A CSV file read back (RFC 4180, as <see cref="Output.Csv"/> writes it): a header and rows of text fields.</summary>
/// <param name="Header">The column names.</param>
/// <param name="Rows">The data rows, each as many fields as it has.</param>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Parses <paramref name="text"/>; quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
                record.Add(Take(field));
            else if (c == '\n')
                records.Add(EndRecord(record, field));
            else if (c != '\r')
                field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0)
            records.Add(EndRecord(record, field));
        return records.Count == 0 ? new([], []) : new(records[0], records.Skip(1).ToArray());
    }

    private static string Take(StringBuilder field)
    {
        string value = field.ToString();
        field.Clear();
        return value;
    }

    private static string[] EndRecord(List<string> record, StringBuilder field)
    {
        record.Add(Take(field));
        string[] done = [.. record];
        record.Clear();
        return done;
    }
}
