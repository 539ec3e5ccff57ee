using System.Globalization;

namespace ReluKernels.Cli.Output;

/// <summary>Builds RFC 4180 CSV with invariant-culture numbers, in memory or straight into a writer (a long table).</summary>
public sealed class Csv
{
    private readonly TextWriter _text;

    /// <summary>Starts a CSV in memory with the given header; <see cref="ToString"/> gives the text.</summary>
    public Csv(params string[] header)
        : this(new StringWriter(CultureInfo.InvariantCulture), header)
    {
    }

    /// <summary>Starts a CSV written to <paramref name="writer"/> row by row, with the given header.</summary>
    public Csv(TextWriter writer, params string[] header)
    {
        _text = writer;
        Row(header);
    }

    /// <summary>Appends one row; null becomes an empty field.</summary>
    public Csv Row(params object?[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                _text.Write(',');
            _text.Write(Field(fields[i]));
        }
        _text.Write('\n');
        return this;
    }

    /// <summary>The text of a CSV built in memory.</summary>
    public override string ToString() => _text.ToString()!;

    private static string Field(object? value)
    {
        string text = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
