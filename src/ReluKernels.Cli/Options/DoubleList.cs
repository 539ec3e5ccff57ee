using System.Globalization;

namespace ReluKernels.Cli.Options;

/// <summary>Parses comma-separated real numbers such as <c>0.01,0.1</c>.</summary>
public static class DoubleList
{
    /// <summary>The values in order, without duplicates.</summary>
    /// <exception cref="FormatException">Empty text or an item that is not a finite number.</exception>
    public static double[] Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("the list is empty");
        return [.. text.Split(',').Select(item =>
            double.TryParse(item.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new FormatException($"'{item.Trim()}' in '{text}' is not a number")).Distinct()];
    }
}
