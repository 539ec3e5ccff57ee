using ReluKernels.Statistics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Running sums of real-valued trial outcomes, for a <see cref="MeanEstimate"/>. The Monte-Carlo runners add blocks in
/// block order, so the floating-point sums are reproducible bit for bit.
/// </summary>
public sealed class MeanTally : IBlockTally<MeanTally>
{
    /// <inheritdoc/>
    public long Trials { get; private set; }

    /// <summary>Σ x.</summary>
    public double Sum { get; private set; }

    /// <summary>Σ x².</summary>
    public double SumOfSquares { get; private set; }

    /// <summary>Adds one outcome.</summary>
    public void Record(double x)
    {
        Trials++;
        Sum += x;
        SumOfSquares += x * x;
    }

    /// <inheritdoc/>
    public void Add(MeanTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Trials += other.Trials;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
    }

    /// <inheritdoc/>
    public void Clear() => (Trials, Sum, SumOfSquares) = (0, 0, 0);

    /// <summary>The mean, its variance and standard error so far.</summary>
    /// <remarks>
    /// The variance is (Σx² − (Σx)²/n)/(n − 1), clamped at 0. Its cancellation costs digits only when the spread is tiny
    /// against the mean, which is not the case for the outcomes this is used for (second moments of random networks).
    /// </remarks>
    public MeanEstimate Estimate()
    {
        if (Trials == 0)
            return new(0, 0, 0);
        double mean = Sum / Trials;
        double variance = Trials > 1 ? Math.Max(0, (SumOfSquares - Sum * mean) / (Trials - 1)) : 0;
        return new(Trials, mean, variance);
    }
}
