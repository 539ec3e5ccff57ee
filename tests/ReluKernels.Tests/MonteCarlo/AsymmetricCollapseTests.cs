using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;
using ReluKernels.Statistics;
using ReluKernels.Theory;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// Born dead under asymmetric initialisation: RAI (Lu, Shin, Su &amp; Karniadakis 2020) and positive biases, through the
/// exact piecewise-linear engine. No closed form exists, so the tests hold them against He's proven bounds and exact facts.
/// </summary>
public sealed class AsymmetricCollapseTests
{
    /// <summary>
    /// The journal's claim: RAI is born dead less often than He. Tested against the refined lower bound on He's
    /// (bias-free) born-dead probability, a proven bound: RAI's count must be significantly below it (one-sided, α = 1e-6).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Rai_is_born_dead_less_often_than_he(int width)
    {
        const int depth = 10;
        double heLower = CollapseTheory.BornDeadLowerBound(width, depth);
        var t = Simulate.Run(new CollapseExperiment(width, depth, WeightDistribution.Rai), EngineKind.PiecewiseLinear, 20_000, seed: 17);
        Assert.True(BinomialTest.LowerTail(t.Collapsed, t.Trials, heLower) < BinomialTest.Alpha,
            $"width {width}: RAI {t.Collapsed}/{t.Trials} is not significantly below He's lower bound {heLower:F4}");
    }

    /// <summary>A first layer w·x + b with b &gt; 0 is positive at x = 0, so it is never identically zero; with N(0, σ_b²) biases it can be.</summary>
    [Theory]
    [InlineData(BiasDistribution.Constant)]
    [InlineData(BiasDistribution.HalfNormal)]
    public void Positive_biases_never_kill_the_first_layer(BiasDistribution bias)
    {
        var positive = Simulate.Run(new CollapseExperiment(2, 3, biasStd: 1, bias: bias), EngineKind.PiecewiseLinear, 50_000, seed: 18);
        Assert.Equal(0, positive.CollapsedByDepth(1));
        // The symmetric control: P(both neurons dead on [−1, 1]) ≈ 0.038 at σ_b = 1, so ~1900 of 50 000.
        var normal = Simulate.Run(new CollapseExperiment(2, 3, biasStd: 1), EngineKind.PiecewiseLinear, 50_000, seed: 18);
        Assert.True(normal.CollapsedByDepth(1) > 1000, $"{normal.CollapsedByDepth(1)} symmetric first layers dead");
    }

    [Fact]
    public void Rai_and_positive_biases_report_no_closed_form()
    {
        foreach (var e in new[]
        {
            new CollapseExperiment(3, 5, WeightDistribution.Rai),
            new CollapseExperiment(3, 5, biasStd: 0.1, bias: BiasDistribution.Constant),
        })
        {
            var report = Experiments.CollapseCellReport.From(Simulate.Drive(CollapseRun.Start(e, EngineKind.Auto),
                new MonteCarloOptions { Trials = 100, Seed = 1, Threads = 1 }), 5);
            Assert.False(report.Symmetric);
            Assert.Null(report.Theorem9);
            Assert.Empty(report.Checks);
            Assert.Equal("PiecewiseLinear", report.Engine);
        }
    }

    [Fact]
    public void Invalid_combinations_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollapseExperiment(2, 3, WeightDistribution.Rai, biasStd: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollapseExperiment(2, 3, bias: BiasDistribution.HalfNormal));
        Assert.Equal("the weight-space engine decides collapse from x = ±1, which is exact only without biases",
            CollapseEngines.Unsupported(EngineKind.WeightSpace, new CollapseExperiment(2, 3, WeightDistribution.Rai)));
    }
}
