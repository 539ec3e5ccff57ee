using MathNet.Numerics;

namespace ReluKernels.Statistics;

/// <summary>
/// Exact binomial tail probabilities, used to hold a simulated count against a theoretical probability
/// (docs/statistics.md). They go through the regularised incomplete beta function, so trial counts beyond
/// <see cref="int.MaxValue"/> are fine.
/// </summary>
public static class BinomialTest
{
    /// <summary>The significance level of every theory-vs-simulation assertion and agreement marker.</summary>
    public const double Alpha = 1e-6;

    /// <summary>P(X ≥ k) for X ~ Bin(n, p).</summary>
    public static double UpperTail(long k, long n, double p)
    {
        Check(k, n, p);
        if (k <= 0) return 1;
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        // P(X ≥ k) = I_p(k, n − k + 1).
        return Math.Clamp(SpecialFunctions.BetaRegularized(k, n - k + 1, p), 0, 1);
    }

    /// <summary>P(X ≤ k) for X ~ Bin(n, p).</summary>
    public static double LowerTail(long k, long n, double p) => k >= n ? 1 : 1 - UpperTail(k + 1, n, p);

    /// <summary>Two-sided tail: twice the smaller one-sided tail, capped at 1.</summary>
    public static double TwoSided(long k, long n, double p) => Math.Min(1, 2 * Math.Min(LowerTail(k, n, p), UpperTail(k, n, p)));

    /// <summary>Whether k of n is consistent with exactly p (two-sided, level <see cref="Alpha"/>).</summary>
    public static bool AgreesWith(long k, long n, double p) => TwoSided(k, n, p) > Alpha;

    /// <summary>Whether k of n is consistent with a true probability ≤ <paramref name="bound"/> (one-sided, level <see cref="Alpha"/>).</summary>
    public static bool RespectsUpperBound(long k, long n, double bound) => UpperTail(k, n, Math.Min(1, bound)) > Alpha;

    /// <summary>Whether k of n is consistent with a true probability ≥ <paramref name="bound"/> (one-sided, level <see cref="Alpha"/>).</summary>
    public static bool RespectsLowerBound(long k, long n, double bound) => LowerTail(k, n, Math.Max(0, bound)) > Alpha;

    private static void Check(long k, long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
    }
}
