using System.Globalization;
using System.Text;

namespace ReluKernels.Cli.Output;

/// <summary>Builds RFC 4180 CSV with invariant-culture numbers.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts a CSV with the given header.</summary>
    public Csv(params string[] header) => Row(header);

    /// <summary>Appends one row; null becomes an empty field.</summary>
    public Csv Row(params object?[] fields)
    {
        _text.AppendJoin(',', fields.Select(Field)).Append('\n');
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

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
