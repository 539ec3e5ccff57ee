using MathNet.Numerics.Statistics;

namespace ReluKernels.Experiments.Training;

/// <summary>The five-number summary of a non-empty sample (quantiles by MathNet's default R-8 definition).</summary>
/// <param name="Count">Sample size.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Q1">25% quantile.</param>
/// <param name="Median">50% quantile.</param>
/// <param name="Q3">75% quantile.</param>
/// <param name="Max">Largest value.</param>
public sealed record Quantiles(int Count, double Min, double Q1, double Median, double Q3, double Max)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none (NaN entries are not expected and not filtered).</summary>
    public static Quantiles? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        return new Quantiles(sorted.Length, sorted[0], SortedArrayStatistics.Quantile(sorted, 0.25), SortedArrayStatistics.Median(sorted),
            SortedArrayStatistics.Quantile(sorted, 0.75), sorted[^1]);
    }
}
