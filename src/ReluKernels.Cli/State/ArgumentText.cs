using System.Globalization;

namespace ReluKernels.Cli.State;

/// <summary>
/// The canonical text of state-file argument values, and reading a config back from it: a config is recognised only
/// from exactly the text this build writes, so two files agree on their arguments iff their texts are equal.
/// </summary>
public static class ArgumentText
{
    /// <summary>A real as round-trip text.</summary>
    public static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="Real"/> back.</summary>
    /// <exception cref="FormatException">Not a number.</exception>
    public static double ParseReal(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>An integer as invariant text.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a non-negative <see cref="Count"/> back.</summary>
    /// <exception cref="FormatException">Not a non-negative integer.</exception>
    /// <exception cref="OverflowException">Out of range.</exception>
    public static long ParseCount(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A seed as invariant text.</summary>
    public static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="Seed"/> back.</summary>
    /// <exception cref="FormatException">Not a non-negative integer.</exception>
    /// <exception cref="OverflowException">Out of range.</exception>
    public static ulong ParseSeed(string text) => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// The config <paramref name="parse"/> reads from <paramref name="arguments"/>, if it writes exactly these arguments
    /// back; null if a value is missing or malformed or any text is not the canonical one.
    /// </summary>
    public static TConfig? ReadBack<TConfig>(IReadOnlyDictionary<string, string> arguments, Func<IReadOnlyDictionary<string, string>, TConfig> parse)
        where TConfig : class, IRunConfig<TConfig>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            var config = parse(arguments);
            var canonical = config.ToArguments();
            return canonical.Count == arguments.Count && canonical.All(kv => arguments.TryGetValue(kv.Key, out string? v) && v == kv.Value) ? config : null;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
