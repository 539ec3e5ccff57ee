using MathNet.Numerics.Distributions;
using ReluKernels.Statistics;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// Two independent binomial samples with the same success probability: the pooled two-proportion z test. With n in the
/// tens of thousands and p not within a few counts of 0 or 1 the normal approximation is far better than α; m tests
/// are Bonferroni-corrected to keep the family-wise level at α = 1e-6.
/// </summary>
internal static class TwoSampleAssert
{
    public static void SameProportion(long k1, long n1, long k2, long n2, int comparisons, string what)
    {
        double p = (double)(k1 + k2) / (n1 + n2);
        double se = Math.Sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0)
        {
            Assert.True(k1 * n2 == k2 * n1, $"{what}: {k1}/{n1} vs {k2}/{n2} with a pooled proportion of exactly {p}");
            return;
        }
        double z = Math.Abs((double)k1 / n1 - (double)k2 / n2) / se;
        double critical = Normal.InvCDF(0, 1, 1 - BinomialTest.Alpha / (2 * comparisons));
        Assert.True(z <= critical, $"{what}: {k1}/{n1} vs {k2}/{n2}, |z| = {z:F2} > {critical:F2}");
    }
}
