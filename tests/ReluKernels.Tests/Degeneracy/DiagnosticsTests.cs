using FsCheck.Xunit;
using ReluKernels.Analysis;
using ReluKernels.Degeneracy;

namespace ReluKernels.Tests.Degeneracy;

/// <summary>The diagnostics find planted degeneracies, nothing in generic random networks, and reject bad tolerances.</summary>
public class DiagnosticsTests
{
    [Fact]
    public void Planted_parallel_opposite_unbalanced_and_dead_neurons_are_found()
    {
        // Neurons: 0: ρ(x + 0.5), 1: ρ(2x + 1) (parallel to 0, factor 2), 2: ρ(−x − 0.5) (opposite to 0),
        // 3: ρ(x − 2) (dead on [−1, 1]), 4: ρ(0.5x) with c = 100 (unbalanced).
        var network = DegeneracyNetworks.Shallow([[1], [2], [-1], [1], [0.5]], [0.5, 1, -0.5, -2, 0], [1, 0.5, 1, 2, 100]);
        var report = DegeneracyDiagnostics.Diagnose(network, 1e-9, radius: 1);
        var layer = Assert.Single(report.Layers);
        var parallel = Assert.Single(layer.ParallelPairs);
        Assert.Equal((0, 1), (parallel.First, parallel.Second));
        Assert.Equal(2, parallel.Factor, 1e-12);
        // Neuron 2 is opposite to neuron 0 and so also to its parallel copy 1.
        Assert.Equal([(0, 2, -1.0), (1, 2, -0.5)], layer.OppositePairs.Select(p => (p.First, p.Second, p.Factor)));
        Assert.Equal([NeuronState.Active, NeuronState.Active, NeuronState.Active, NeuronState.DeadZero, NeuronState.Active],
            layer.Neurons.Select(n => n.State));
        Assert.True(report.IsDeadnessExact);
        // |c| against ‖(w, b)‖_∞: 1 vs 1, 0.5 vs 2, 1 vs 1, 2 vs 2, 100 vs 0.5.
        Assert.Equal([true, false, true, true, false], layer.Neurons.Select(n => n.IsBalanced));
        Assert.Equal(200, layer.Neurons[4].BalanceRatio, 1e-12);
        Assert.Contains("1 parallel pairs", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dead_constant_neuron_is_reported_as_such_and_sampling_is_labelled_an_estimate()
    {
        // Neuron 1 is ρ(0·x + 3) = 3 everywhere.
        var network = DegeneracyNetworks.Shallow([[1, 1], [0, 0]], [0, 3], [1, 1]);
        var report = DegeneracyDiagnostics.Diagnose(network, PointSets.Grid(2, 11, 1));
        Assert.Equal([NeuronState.Active, NeuronState.DeadConstant], report.Layers[0].Neurons.Select(n => n.State));
        Assert.False(report.IsDeadnessExact);
        Assert.Contains("upper estimate", report.ToString(), StringComparison.Ordinal);
    }

    [Property(MaxTest = 100, Replay = "(11235813213455891,4442333223)")]
    public void Generic_random_networks_have_no_parallel_or_opposite_pairs(byte width, byte depth, ulong seed)
    {
        // With biases even 1-D neurons have 2-D incoming vectors (w, b) in general position; in d = 3 too.
        foreach (int d in new[] { 1, 3 })
        {
            var network = DegeneracyNetworks.Random(width, depth, seed, inputDim: d);
            var report = d == 1 ? DegeneracyDiagnostics.Diagnose(network) : DegeneracyDiagnostics.Diagnose(network, PointSets.Grid(3, 5, 1));
            Assert.Equal(0, report.ParallelPairCount);
            Assert.Equal(0, report.OppositePairCount);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Tolerances_that_are_not_positive_and_finite_are_rejected(double tolerance)
    {
        var network = DegeneracyNetworks.Random(1, 0, 3);
        Assert.Throws<ArgumentException>(() => DegeneracyDiagnostics.Diagnose(network, tolerance));
        Assert.Throws<ArgumentException>(() => RedundancyMerging.MergeParallel(network, tolerance));
        Assert.Throws<ArgumentException>(() => BiasAugmentation.Augment(network, tolerance));
    }

    [Fact]
    public void Zero_width_layers_and_mismatched_layers_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseLayer(1, 0, [], []));
        Assert.Throws<ArgumentException>(() => new LayeredNetwork([new DenseLayer(1, 2, [1, 2], []), new DenseLayer(3, 1, [1, 2, 3], [])]));
    }
}
