using System.Globalization;

namespace ReluKernels.Cli.Conditioning;

/// <summary>Reads a data set for <c>conditioning --data</c>: one input per line, comma-separated numbers; blank lines and a non-numeric first line (a header) are skipped.</summary>
public static class InputCsv
{
    /// <summary>The inputs of <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The file cannot be read or a field is not a number.</exception>
    public static double[][] Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--data: cannot read '{path}': {ex.Message}");
        }
        var rows = new List<double[]>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var fields = lines[i].Split(',');
            var values = new double[fields.Length];
            bool numeric = true;
            for (int k = 0; k < fields.Length && numeric; k++)
                numeric = double.TryParse(fields[k].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]);
            if (numeric)
                rows.Add(values);
            else if (rows.Count > 0 || i != Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l)))
                throw new UsageException($"--data: line {i + 1} of '{path}' is not a list of numbers");
        }
        return [.. rows];
    }
}
