using ReluKernels.Analysis;
using ReluKernels.Compositional;
using ReluKernels.Experiments.Compositional;
using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Compositional;

/// <summary>Stage one of Milkert, Hyde &amp; Laine's training: its gradient, the regions it keeps, and its allocations.</summary>
public class PretrainingTests
{
    private static (Pretrainer<GenericKernel<double>, double> Pretrainer, double[] Z, CompositionalNetwork Network) Setup(
        int depth, CompositionalTarget target, ScaleRule rule, int points = 60)
    {
        var data = CompositionalExperiment.Data(target, points);
        var (peaks, firstScale) = CompositionalExperiment.Start(depth, seed: 11, index: 0);
        var scales = new double[depth];
        DifferentiabilityCondition.Scales(peaks, firstScale, scales);
        var network = new CompositionalNetwork(peaks.AsSpan(0, depth), scales, target.Sign);
        var coordinates = new PeakScaleParameters(depth, target.Sign, rule);
        var z = new double[coordinates.Count];
        coordinates.Encode(rule == ScaleRule.Differentiable ? peaks : peaks.AsSpan(0, depth), scales, z);
        var pretrainer = new Pretrainer<GenericKernel<double>, double>(new GenericKernel<double>(network.Architecture), coordinates, data,
            new AdamSettings(CompositionalDefaults.PretrainingLearningRate));
        return (pretrainer, z, network);
    }

    public static TheoryData<string, ScaleRule> Cases => new()
    {
        { "x3", ScaleRule.Differentiable },
        { "x3", ScaleRule.Free },
        { "tanh3x", ScaleRule.Differentiable },
        { "sine", ScaleRule.Free },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stage_one_gradient_matches_finite_differences_of_the_loss(string target, ScaleRule rule)
    {
        var (pretrainer, z, network) = Setup(5, CompositionalTarget.Named(target), rule);
        pretrainer.Train(z, network, 20); // away from the symmetric start
        pretrainer.LossAndGradient(z, network);
        var gradient = pretrainer.LastGradient.ToArray();
        double h = KernelTolerances.FiniteDifferenceStep;
        for (int i = 0; i < z.Length; i++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (pretrainer.LossAndGradient(plus, network) - pretrainer.LossAndGradient(minus, network)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= KernelTolerances.FiniteDifference * (1 + Math.Abs(numeric)),
                $"dL/dz_{i}: {gradient[i]} vs {numeric}");
        }
    }

    [Theory]
    [InlineData("x3", 5)]
    [InlineData("x11", 8)]
    [InlineData("tanh3x", 5)]
    [InlineData("sine", 8)]
    public void Stage_one_under_the_condition_keeps_two_to_the_depth_regions(string target, int depth)
    {
        var (pretrainer, z, network) = Setup(depth, CompositionalTarget.Named(target), ScaleRule.Differentiable, points: 200);
        var architecture = network.Architecture;
        var propagator = new PiecewiseLinearPropagator(CompositionalNetwork.Width);
        pretrainer.Reset();
        double first = pretrainer.LossAndGradient(z, network), last = first;
        for (int check = 0; check < 6; check++)
        {
            for (int step = 0; step < 50; step++)
                last = pretrainer.Step(z, network);
            int regions = LinearRegions.OutputRegionCount(architecture, Constructions.Parameters(network), 0, 1, propagator);
            Assert.Equal(1 << depth, regions);
        }
        Assert.True(last < first, $"stage one did not lower the loss: {first} → {last}");
    }

    [Fact]
    public void A_stage_one_step_allocates_nothing()
    {
        var (pretrainer, z, network) = Setup(5, CompositionalTarget.Cube, ScaleRule.Differentiable);
        long bytes = AllocationProbe.SteadyStateBytes(() => pretrainer.Step(z, network));
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Encode_inverts_apply()
    {
        var coordinates = new PeakScaleParameters(4, WaveSign.Subtract, ScaleRule.Differentiable);
        double[] z = [0.3, -1.2, 2.0, 0.1, -0.4, 0.7];
        var network = new CompositionalNetwork([0.5, 0.5, 0.5, 0.5], [0.1, 0.1, 0.1, 0.1]);
        coordinates.Apply(z, network);
        var back = new double[z.Length];
        coordinates.Encode(coordinates.Peaks, network.Scales, back);
        for (int i = 0; i < z.Length; i++)
            Assert.Equal(z[i], back[i], 1e-12);
    }
}
