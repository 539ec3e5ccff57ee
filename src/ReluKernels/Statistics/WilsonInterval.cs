namespace ReluKernels.Statistics;

/// <summary>A binomial proportion's estimate with its Wilson score interval (Wilson 1927).</summary>
/// <param name="Successes">Observed successes k.</param>
/// <param name="Trials">Trials n.</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
public readonly record struct WilsonInterval(long Successes, long Trials, double Low, double High)
{
    /// <summary>z of a two-sided 95% interval, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>k / n (0 when n = 0).</summary>
    public double Estimate => Trials == 0 ? 0 : (double)Successes / Trials;

    /// <summary>Half the interval's width.</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>. Unlike the Wald
    /// interval it stays inside [0, 1] and keeps its coverage near 0 and 1, where collapse probabilities often sit.
    /// With no trials it is the uninformative [0, 1].
    /// </summary>
    public static WilsonInterval Of(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
            return new(0, 0, 0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At k = 0 or k = n the exact end is 0 or 1; rounding must not leave it a hair inside.
        double low = successes == 0 ? 0 : Math.Max(0, centre - half);
        double high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new(successes, trials, low, high);
    }
}
