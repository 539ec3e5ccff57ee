using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// A true logarithmic axis (ScottPlot's log-scale recipe): data are plotted as log₁₀ values (<see cref="Value"/>), major ticks
/// fall on whole decades and are labelled in the original units (10⁻³, 0.1 → 10⁻¹, 1, 10, 10²), minor ticks at 2..9 times each decade.
/// </summary>
public static class LogAxis
{
    /// <summary>The plotted coordinate of a positive value.</summary>
    public static double Value(double value) => Math.Log10(value);

    /// <summary>Makes <paramref name="axis"/> logarithmic: its data must be <see cref="Value"/>s.</summary>
    public static void Apply(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true, // an integer log₁₀ is a power of ten
            LabelFormatter = Label,
            MinorTickGenerator = new LogMinorTickGenerator(),
        };
    }

    /// <summary>The label of the tick at log₁₀ coordinate <paramref name="exponent"/>: 1, 10, or 10 with a superscript exponent.</summary>
    public static string Label(double exponent)
    {
        int k = (int)Math.Round(exponent);
        return k switch
        {
            0 => "1",
            1 => "10",
            _ => "10" + Superscript(k),
        };
    }

    private static string Superscript(int k)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = new StringBuilder(k < 0 ? "⁻" : "");
        foreach (char c in Math.Abs(k).ToString(CultureInfo.InvariantCulture))
            text.Append(digits[c - '0']);
        return text.ToString();
    }
}
