using MathNet.Numerics.Statistics;

namespace ReluKernels.Degeneracy.Examples;

/// <summary>The distribution of a ratio over the pairs of <see cref="RestrictedSpaceStudy"/>.</summary>
/// <param name="Count">Pairs with a finite ratio.</param>
/// <param name="Infinite">Pairs with different parameters but equal realisations (ratio null, i.e. infinite).</param>
/// <param name="Median">The median.</param>
/// <param name="Q90">The 90% quantile.</param>
/// <param name="Q99">The 99% quantile.</param>
/// <param name="Max">The largest ratio.</param>
public sealed record RatioSummary(int Count, int Infinite, double Median, double Q90, double Q99, double Max)
{
    /// <summary>Summarises the ratios; nulls count as <see cref="Infinite"/> (the statistics are zero when no ratio is finite).</summary>
    public static RatioSummary Of(IEnumerable<double?> ratios)
    {
        var all = ratios.ToArray();
        int infinite = all.Count(r => r is null);
        var sorted = all.OfType<double>().Order().ToArray();
        return sorted.Length == 0
            ? new RatioSummary(0, infinite, 0, 0, 0, 0)
            : new RatioSummary(sorted.Length, infinite, SortedArrayStatistics.Median(sorted), SortedArrayStatistics.Quantile(sorted, 0.9),
                SortedArrayStatistics.Quantile(sorted, 0.99), sorted[^1]);
    }
}
