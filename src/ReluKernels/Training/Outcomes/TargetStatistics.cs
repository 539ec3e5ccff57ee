using System.Numerics;
using MathNet.Numerics.Statistics;
using ReluKernels.Training.Data;

namespace ReluKernels.Training.Outcomes;

/// <summary>
/// Per-output statistics of a training set's targets: the constants a collapsed network is expected to converge to (seed
/// 000 Theorem 4): the <b>mean</b> minimises the MSE over constants, and every <b>median</b> minimises the MAE.
/// </summary>
/// <remarks>
/// With n targets sorted as t₍₁₎ ≤ … ≤ t₍ₙ₎, the medians are the interval [t₍⌈n/2⌉₎, t₍⌊n/2⌋+1₎]: a single value for odd
/// n, and for even n every value between the two middle targets (the MAE is flat there). Statistics are computed in double
/// with MathNet.Numerics (mean, population standard deviation, order statistics).
/// </remarks>
public sealed class TargetStatistics
{
    private TargetStatistics(int count, double[] mean, double[] medianLow, double[] medianHigh, double[] standardDeviation)
    {
        Count = count;
        Mean = Array.AsReadOnly(mean);
        MedianLow = Array.AsReadOnly(medianLow);
        MedianHigh = Array.AsReadOnly(medianHigh);
        StandardDeviation = Array.AsReadOnly(standardDeviation);
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Mean of each output's targets.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Lower end of each output's median interval, t₍⌈n/2⌉₎.</summary>
    public IReadOnlyList<double> MedianLow { get; }

    /// <summary>Upper end of each output's median interval, t₍⌊n/2⌋+1₎ (equal to <see cref="MedianLow"/> for odd n).</summary>
    public IReadOnlyList<double> MedianHigh { get; }

    /// <summary>Population standard deviation of each output's targets (the scale of the tolerances in <see cref="OutcomeOptions"/>).</summary>
    public IReadOnlyList<double> StandardDeviation { get; }

    /// <summary>The statistics of <paramref name="data"/>'s targets.</summary>
    public static TargetStatistics Of<T>(Dataset<T> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        int m = data.OutputDim, n = data.Count;
        var mean = new double[m];
        var low = new double[m];
        var high = new double[m];
        var sd = new double[m];
        var values = new double[n];
        for (int o = 0; o < m; o++)
        {
            var targets = data.TargetsOf(o);
            for (int s = 0; s < n; s++)
                values[s] = double.CreateTruncating(targets[s]);
            mean[o] = ArrayStatistics.Mean(values);
            sd[o] = ArrayStatistics.PopulationStandardDeviation(values);
            // OrderStatisticInplace takes 1-based orders and reorders the array (fine: it is a copy).
            low[o] = ArrayStatistics.OrderStatisticInplace(values, (n + 1) / 2);
            high[o] = ArrayStatistics.OrderStatisticInplace(values, n / 2 + 1);
        }
        return new TargetStatistics(n, mean, low, high, sd);
    }
}
