using FsCheck.Xunit;
using ReluKernels.Degeneracy;

namespace ReluKernels.Tests.Degeneracy;

/// <summary>Every function-preserving transform leaves the realisation unchanged: exactly in 1-D, on samples in d = 3.</summary>
public class TransformPropertyTests
{
    private const double Radius = 1;

    /// <summary>Exact 1-D comparison through the piecewise-linear analysis, and a direct forward pass at 201 points as a cross-check.</summary>
    private static void AssertSameRealisation1D(LayeredNetwork original, LayeredNetwork transformed)
    {
        var grid = Enumerable.Range(0, 201).Select(i => new[] { -Radius + i * 0.01 }).ToList();
        double scale = 1 + DegeneracyNetworks.Scale(original, grid);
        var distance = RealisationDistance.Exact(original, transformed, Radius);
        Assert.True(distance.IsExact);
        Assert.InRange(distance.Uniform, 0, DegeneracyTolerances.Realisation * scale);
        // Slope scale: the largest difference quotient of the original over the grid's 0.01 steps.
        double slopeScale = 1 + grid.Zip(grid.Skip(1), (x, y) =>
            Math.Abs(DegeneracyNetworks.Forward(original, y)[0] - DegeneracyNetworks.Forward(original, x)[0]) / (y[0] - x[0])).Max();
        Assert.InRange(distance.SobolevSemiNorm, 0, DegeneracyTolerances.Slope * slopeScale);
        foreach (var x in grid)
            Assert.Equal(DegeneracyNetworks.Forward(original, x)[0], DegeneracyNetworks.Forward(transformed, x)[0], DegeneracyTolerances.Realisation * scale);
    }

    /// <summary>Sampled comparison in d = 3 on 500 uniform points of the cube, values by the direct forward pass.</summary>
    private static void AssertSameRealisationSampled(LayeredNetwork original, LayeredNetwork transformed, ulong seed)
    {
        var points = DegeneracyNetworks.UniformPoints(original.InputDim, 500, Radius, seed);
        double scale = 1 + DegeneracyNetworks.Scale(original, points);
        foreach (var x in points)
            Assert.Equal(DegeneracyNetworks.Forward(original, x)[0], DegeneracyNetworks.Forward(transformed, x)[0], DegeneracyTolerances.Realisation * scale);
    }

    [Property(MaxTest = 100, Replay = "(31415926535897932,2718281829)")]
    public void Rebalancing_preserves_the_realisation_and_balances_a_shallow_network(byte width, byte depth, ulong seed)
    {
        var network = DegeneracyNetworks.Random(width, depth, seed);
        var balanced = Rebalancing.BalanceAll(network);
        AssertSameRealisation1D(network, balanced);
        Assert.Equal(network.HiddenWidths(), balanced.HiddenWidths());
        var report = DegeneracyDiagnostics.Diagnose(balanced, 1e-12, Radius);
        Assert.All(report.Layers[^1].Neurons, n => Assert.True(n.IsBalanced, $"neuron {n.Neuron}: ratio {n.BalanceRatio}"));
        var wide = DegeneracyNetworks.Random(width, 0, seed, inputDim: 3);
        AssertSameRealisationSampled(wide, Rebalancing.BalanceAll(wide), seed);
    }

    [Property(MaxTest = 100, Replay = "(16180339887498948,1414213563)")]
    public void Merging_planted_parallel_neurons_preserves_the_realisation_and_narrows_the_layer(byte width, byte depth, ulong seed)
    {
        var random = DegeneracyNetworks.Random(width, depth, seed);
        int layer = 1 + (int)(seed % (ulong)random.Depth);
        double factor = 0.25 + (seed % 7);
        var planted = DegeneracyNetworks.WithCopiedNeuron(random, layer, source: 0, copy: 1, factor);
        var merged = RedundancyMerging.MergeParallel(planted);
        AssertSameRealisation1D(planted, merged);
        Assert.Equal(planted.Hidden(layer).FanOut - 1, merged.Hidden(layer).FanOut);

        var wide = DegeneracyNetworks.WithCopiedNeuron(DegeneracyNetworks.Random(width, 0, seed, inputDim: 3), 1, 0, 1, factor);
        var wideMerged = RedundancyMerging.MergeParallel(wide);
        Assert.Equal(wide.Hidden(1).FanOut - 1, wideMerged.Hidden(1).FanOut);
        AssertSameRealisationSampled(wide, wideMerged, seed);
    }

    [Property(MaxTest = 100, Replay = "(27182818284590452,3141592653)")]
    public void Removing_dead_neurons_preserves_the_realisation_on_the_domain(byte width, byte depth, ulong seed)
    {
        // N(0, 1) biases (odd seeds) and deeper nets leave many neurons dead or constant on [-1, 1].
        var network = DegeneracyNetworks.Random(width, depth, seed | 1);
        var report = DegeneracyDiagnostics.Diagnose(network, radius: Radius);
        var pruned = DeadNeuronRemoval.RemoveDead(network, Radius);
        AssertSameRealisation1D(network, pruned);
        for (int l = 1; l <= network.Depth; l++)
        {
            int dead = report.Layers[l - 1].DeadCount;
            int expected = dead == network.Hidden(l).FanOut ? 1 : network.Hidden(l).FanOut - dead;
            Assert.Equal(expected, pruned.Hidden(l).FanOut);
        }
    }

    [Property(MaxTest = 100, Replay = "(14142135623730950,1732050807)")]
    public void The_augmentation_lands_in_Q_and_realises_the_same_function_on_augmented_inputs(byte width, ulong seed)
    {
        var network = DegeneracyNetworks.Random(width, 0, seed);
        var augmented = BiasAugmentation.Augment(network);
        Assert.Equal((3, network.Hidden(1).FanOut + 1), (augmented.InputDim, augmented.Hidden(1).FanOut));
        Assert.False(augmented.HasBias);
        Assert.True(BiasAugmentation.IsInRestrictedSpace(augmented, 1e-12));
        AssertSameRealisation1D(network, BiasAugmentation.RestrictToAugmentedInputs(augmented));

        var wide = DegeneracyNetworks.Random(width, 0, seed, inputDim: 3);
        var wideAugmented = BiasAugmentation.Augment(wide);
        var points = DegeneracyNetworks.UniformPoints(3, 500, Radius, seed);
        double scale = 1 + DegeneracyNetworks.Scale(wide, points);
        foreach (var x in points)
            Assert.Equal(DegeneracyNetworks.Forward(wide, x)[0], DegeneracyNetworks.Forward(wideAugmented, [.. x, 1, -1])[0],
                DegeneracyTolerances.Realisation * scale);
    }

    [Fact]
    public void The_augmentation_merges_redundant_neurons_drops_constant_ones_and_fills_the_slots()
    {
        // ρ(x + 1) and ρ(2x + 2) are parallel, ρ(0·x + 3) is the constant 3: f(x) = 5ρ(x + 1) + 3·2 − 1 = 5ρ(x + 1) + 5.
        var network = DegeneracyNetworks.Shallow([[1], [2], [0]], [1, 2, 3], [1, 2, 2], outputBias: -1);
        var augmented = BiasAugmentation.Augment(network);
        Assert.Equal(4, augmented.Hidden(1).FanOut);
        Assert.True(BiasAugmentation.IsInRestrictedSpace(augmented, 1e-12));
        foreach (double x in new[] { -1.0, -0.5, 0, 0.7, 1 })
            Assert.Equal(5 * Math.Max(x + 1, 0) + 5, DegeneracyNetworks.Forward(augmented, [x, 1, -1])[0], 1e-12);
    }

    [Fact]
    public void Transforms_never_change_their_input()
    {
        var network = DegeneracyNetworks.WithCopiedNeuron(DegeneracyNetworks.Random(3, 1, 7), 1, 0, 1, 2);
        var before = network.ToParameters();
        _ = Rebalancing.BalanceAll(network);
        _ = RedundancyMerging.MergeParallel(network);
        _ = DeadNeuronRemoval.RemoveDead(network);
        Assert.Equal(before, network.ToParameters());
    }
}
