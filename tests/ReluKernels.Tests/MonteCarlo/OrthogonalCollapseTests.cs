using MathNet.Numerics.Distributions;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// The exact collapse probability of a width-2, depth-2, bias-free orthogonal network on [−1, 1] (d_in = 1): 1/8, against
/// 5/32 for i.i.d. weights. Proof in docs/theory/collapse.md ("Orthogonal weights at width 2, depth 2: exactly 1/8").
/// </summary>
public sealed class OrthogonalCollapseTests
{
    private const double Exact = 1.0 / 8;

    /// <summary>The i.i.d. value (Theorem 10 at L = 2): the wrong answer the test must be able to reject.</summary>
    private const double IidValue = 5.0 / 32;

    [Theory]
    [InlineData(EngineKind.WeightSpace, 1_000_000)]     // Gram–Schmidt per lane (LaneGramSchmidt)
    [InlineData(EngineKind.PiecewiseLinear, 100_000)]   // OrthogonalInitializer (MathNet QR with the sign correction)
    public void Width_two_depth_two_orthogonal_collapse_is_one_eighth(EngineKind engine, long trials)
    {
        // Power against 5/32: the two-sided acceptance region at α = 1e-6 is 1/8 ± z·SE(1/8); a true 5/32 lies
        // (5/32 − 1/8 − z·SE(1/8)) / SE(5/32) standard errors beyond it: 81 at 10⁶ trials, 22 at 10⁵ (power 1 − 1e-100 or better).
        double z = Normal.InvCDF(0, 1, 1 - BinomialTest.Alpha / 2);
        double margin = (IidValue - Exact - z * Se(Exact, trials)) / Se(IidValue, trials);
        Assert.True(margin > 20, $"{trials} trials give only {margin:F1} standard errors of power against 5/32");

        var t = Simulate.Run(new CollapseExperiment(2, 2, WeightDistribution.Orthogonal), engine, trials, seed: 81);
        Assert.True(BinomialTest.AgreesWith(t.Collapsed, t.Trials, Exact), $"{engine}: {t.Collapsed}/{t.Trials} vs exactly 1/8");
        Assert.False(BinomialTest.AgreesWith(t.Collapsed, t.Trials, IidValue), $"{engine}: {t.Collapsed}/{t.Trials} does not reject 5/32");
    }

    private static double Se(double p, long n) => Math.Sqrt(p * (1 - p) / n);
}
