using ReluKernels.Compositional;
using ReluKernels.Tests.Kernels;

namespace ReluKernels.Tests.Compositional;

/// <summary>The chain rule from raw parameters to peaks and scales, against central finite differences.</summary>
public class GradientTests
{
    [Theory]
    [InlineData(1, WaveSign.Subtract)]
    [InlineData(3, WaveSign.Add)]
    [InlineData(6, WaveSign.Subtract)]
    public void Reparameterisation_gradient_matches_finite_differences(int depth, WaveSign sign)
    {
        var network = Constructions.Differentiable(depth, seed: 7, sign);
        int count = network.Architecture.ParameterCount;
        // A fixed random linear loss L(θ) = g·θ, so dL/dθ = g and dL/d(a, s) = Jᵀg.
        var rng = new CounterRng(7, stream: 100);
        var g = new double[count];
        rng.FillNormal(g);
        var peakGradient = new double[depth];
        var scaleGradient = new double[depth];
        network.BackpropagateParameterGradient(g, peakGradient, scaleGradient);

        double Loss(double[] peaks, double[] scales) =>
            Constructions.Parameters(new CompositionalNetwork(peaks, scales, sign)).Zip(g, (p, w) => p * w).Sum();
        double h = KernelTolerances.FiniteDifferenceStep;
        for (int i = 0; i < depth; i++)
        {
            var plus = network.Peaks.ToArray();
            var minus = network.Peaks.ToArray();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (Loss(plus, network.Scales.ToArray()) - Loss(minus, network.Scales.ToArray())) / (2 * h);
            Assert.True(Math.Abs(numeric - peakGradient[i]) <= KernelTolerances.FiniteDifference * (1 + Math.Abs(numeric)),
                $"dL/da_{i}: {peakGradient[i]} vs {numeric}");

            // Scales span orders of magnitude: a relative step.
            double step = h * network.Scales[i];
            var up = network.Scales.ToArray();
            var down = network.Scales.ToArray();
            up[i] += step;
            down[i] -= step;
            numeric = (Loss(network.Peaks.ToArray(), up) - Loss(network.Peaks.ToArray(), down)) / (2 * step);
            Assert.True(Math.Abs(numeric - scaleGradient[i]) * network.Scales[i] <= KernelTolerances.FiniteDifference * (1 + Math.Abs(numeric * network.Scales[i])),
                $"dL/ds_{i}: {scaleGradient[i]} vs {numeric}");
        }
    }

    [Fact]
    public void Differentiability_condition_gradient_matches_finite_differences()
    {
        var peaks = Constructions.RandomPeaks(7, seed: 3);
        var scales = new double[6];
        DifferentiabilityCondition.Scales(peaks, 0.1, scales);
        double[] weights = [1, -2, 3, 0.5, -1, 4]; // L = Σ w_k s_k
        var peakGradient = new double[7];
        double firstScaleGradient = DifferentiabilityCondition.Backpropagate(peaks, scales, weights, peakGradient);

        double Loss(double[] a, double s0)
        {
            var s = new double[6];
            DifferentiabilityCondition.Scales(a, s0, s);
            return s.Zip(weights, (x, w) => x * w).Sum();
        }
        double h = KernelTolerances.FiniteDifferenceStep;
        for (int i = 0; i < peaks.Length; i++)
        {
            var plus = (double[])peaks.Clone();
            var minus = (double[])peaks.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (Loss(plus, 0.1) - Loss(minus, 0.1)) / (2 * h);
            Assert.Equal(numeric, peakGradient[i], KernelTolerances.FiniteDifference);
        }
        Assert.Equal((Loss(peaks, 0.1 + h) - Loss(peaks, 0.1 - h)) / (2 * h), firstScaleGradient, KernelTolerances.FiniteDifference);
        Assert.NotEqual(0, peakGradient[^1]); // a_n, outside the network, still sets s_{n−1}
    }
}
