using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// The three engines are independent implementations of the same experiment: function space (Gram-matrix Cholesky,
/// float), lazy weight space (16 lanes, float) and piecewise-linear propagation (double, one network at a time). Without
/// biases all three must give the same distribution of outcomes, layer by layer.
/// </summary>
public sealed class EngineEquivalenceTests
{
    [Theory]
    [InlineData(2, 14)]
    [InlineData(3, 12)]
    [InlineData(5, 10)]
    [InlineData(10, 8)]
    public void Function_space_and_weight_space_agree_per_layer(int width, int depth)
    {
        var e = new CollapseExperiment(width, depth);
        var function = Simulate.Run(e, EngineKind.FunctionSpace, 400_000, seed: 11);
        var weight = Simulate.Run(e, EngineKind.WeightSpace, 400_000, seed: 12);
        AssertSameDistribution(function, weight, 2 * depth, $"{width}x{depth}");
    }

    [Theory]
    [InlineData(2, 8, WeightDistribution.HeNormal)]
    [InlineData(3, 6, WeightDistribution.SymmetricUniform)]
    [InlineData(3, 6, WeightDistribution.Orthogonal)]
    public void Piecewise_linear_engine_agrees_with_the_lane_engines_without_biases(int width, int depth, WeightDistribution weights)
    {
        var e = new CollapseExperiment(width, depth, weights);
        var lanes = Simulate.Run(e, CollapseEngines.Choose(e), 200_000, seed: 21);
        var exact = Simulate.Run(e, EngineKind.PiecewiseLinear, 30_000, seed: 22);
        AssertSameDistribution(lanes, exact, 2 * depth, $"{weights} {width}x{depth}");
    }

    [Theory]
    [InlineData(EngineKind.FunctionSpace)]
    [InlineData(EngineKind.WeightSpace)]
    [InlineData(EngineKind.PiecewiseLinear)]
    public void Width_one_dies_by_halves_from_layer_two(EngineKind engine)
    {
        // Hand-computed: with one neuron, layer 1 is alive on exactly one side of x = 0 and never dead; each later layer
        // keeps that side alive with probability 1/2. So P(first dead layer = l) = 2^-(l-1) for l >= 2.
        var e = new CollapseExperiment(1, 6);
        var t = Simulate.Run(e, engine, engine == EngineKind.PiecewiseLinear ? 40_000 : 200_000, seed: 5);
        Assert.Equal(0, t.FirstDeadLayer[1]);
        for (int l = 2; l <= 6; l++)
            Assert.True(Statistics.BinomialTest.AgreesWith(t.FirstDeadLayer[l], t.Trials, Math.Pow(2, -(l - 1))),
                $"layer {l}: {t.FirstDeadLayer[l]} of {t.Trials}");
    }

    private static void AssertSameDistribution(CollapseTally a, CollapseTally b, int comparisons, string what)
    {
        for (int d = 1; d <= a.Depth; d++)
        {
            TwoSampleAssert.SameProportion(a.CollapsedByDepth(d), a.Trials, b.CollapsedByDepth(d), b.Trials, comparisons, $"{what} collapse by depth {d}");
            TwoSampleAssert.SameProportion(a.ZeroAtProbeAt(d), a.Trials, b.ZeroAtProbeAt(d), b.Trials, comparisons, $"{what} zero at x = 1, depth {d}");
        }
    }
}
