using MathNet.Numerics.Distributions;

namespace ReluKernels.Tests.Rng;

/// <summary>
/// The docs/statistics.md protocol for distribution checks: fixed seeds, two-sided tests at α = 1e-6, so a correct sampler
/// fails with probability ~1e-6 per assertion while a wrong distribution fails with near certainty at these sample sizes.
/// </summary>
internal static class StatisticalAssert
{
    public const double Alpha = 1e-6;

    /// <summary>z with P(|Z| &gt; z) = α for Z ~ N(0, 1): Φ⁻¹(1 − α/2) ≈ 4.892.</summary>
    public static readonly double Z = Normal.InvCDF(0, 1, 1 - Alpha / 2);

    /// <summary>Two-sided binomial tail probability of <paramref name="k"/> successes in <paramref name="n"/> trials at <paramref name="p"/>.</summary>
    public static double BinomialTwoSided(long k, long n, double p)
    {
        double lower = Binomial.CDF(p, (int)n, k);
        double upper = k == 0 ? 1 : 1 - Binomial.CDF(p, (int)n, k - 1);
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }

    /// <summary>Asserts the count of samples below <paramref name="threshold"/> is binomially consistent with <paramref name="p"/>.</summary>
    public static void CountBelow(ReadOnlySpan<double> samples, double threshold, double p, string what)
    {
        long k = 0;
        foreach (double x in samples)
            if (x < threshold)
                k++;
        double tail = BinomialTwoSided(k, samples.Length, p);
        Assert.True(tail > Alpha, $"{what}: {k}/{samples.Length} below {threshold}, expected p = {p} (binomial two-sided tail {tail:E2}).");
    }

    /// <summary>
    /// Asserts the sample mean and variance match (<paramref name="mean"/>, <paramref name="variance"/>). The sample mean
    /// has standard error √(σ²/N); the sample variance has standard error √((μ₄ − σ⁴)/N) where μ₄ = <paramref name="fourthCentralMoment"/>
    /// (3σ⁴ for a Gaussian, 9σ⁴/5 for a uniform). With N ≥ 10⁵ both are normal to far better than the α used here,
    /// so the tolerance is Z·(standard error) with Z = Φ⁻¹(1 − α/2).
    /// </summary>
    public static void Moments(ReadOnlySpan<double> samples, double mean, double variance, double fourthCentralMoment, string what)
    {
        int n = samples.Length;
        double sum = 0;
        foreach (double x in samples)
            sum += x;
        double m = sum / n, ss = 0;
        foreach (double x in samples)
            ss += (x - m) * (x - m);
        double v = ss / (n - 1);
        double meanTolerance = Z * Math.Sqrt(variance / n);
        double varianceTolerance = Z * Math.Sqrt((fourthCentralMoment - variance * variance) / n);
        Assert.True(Math.Abs(m - mean) <= meanTolerance, $"{what}: mean {m} vs {mean} ± {meanTolerance}.");
        Assert.True(Math.Abs(v - variance) <= varianceTolerance, $"{what}: variance {v} vs {variance} ± {varianceTolerance}.");
    }

    /// <summary>Standard normal: counts below several quantiles plus moments.</summary>
    public static void StandardNormal(ReadOnlySpan<double> samples, string what)
    {
        foreach (double z in new[] { -3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0 })
            CountBelow(samples, z, Normal.CDF(0, 1, z), what);
        Moments(samples, 0, 1, 3, what);
    }

    /// <summary>Uniform on [−1, 1): counts below several quantiles plus moments.</summary>
    public static void SymmetricUniform(ReadOnlySpan<double> samples, string what)
    {
        foreach (double q in new[] { -0.99, -0.9, -0.5, 0.0, 0.5, 0.9, 0.99 })
            CountBelow(samples, q, (q + 1) / 2, what);
        foreach (double x in samples)
            Assert.True(x >= -1 && x < 1, $"{what}: {x} outside [-1, 1).");
        Moments(samples, 0, 1.0 / 3, 1.0 / 5, what);
    }
}
