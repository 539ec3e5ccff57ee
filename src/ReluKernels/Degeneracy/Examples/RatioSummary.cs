using MathNet.Numerics.Statistics;

namespace ReluKernels.Degeneracy.Examples;

/// <summary>The distribution of a ratio over the pairs of <see cref="RestrictedSpaceStudy"/>.</summary>
/// <param name="Count">Pairs with a finite ratio (a pair with equal realisations has none).</param>
/// <param name="Median">The median.</param>
/// <param name="Q90">The 90% quantile.</param>
/// <param name="Q99">The 99% quantile.</param>
/// <param name="Max">The largest ratio.</param>
public sealed record RatioSummary(int Count, double Median, double Q90, double Q99, double Max)
{
    /// <summary>Summarises the finite values of <paramref name="ratios"/> (all zero when there are none).</summary>
    public static RatioSummary Of(IEnumerable<double> ratios)
    {
        var sorted = ratios.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0
            ? new RatioSummary(0, 0, 0, 0, 0)
            : new RatioSummary(sorted.Length, SortedArrayStatistics.Median(sorted), SortedArrayStatistics.Quantile(sorted, 0.9),
                SortedArrayStatistics.Quantile(sorted, 0.99), sorted[^1]);
    }
}
