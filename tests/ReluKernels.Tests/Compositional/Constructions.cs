using ReluKernels.Compositional;

namespace ReluKernels.Tests.Compositional;

/// <summary>Compositional networks with reproducible random peaks for the tests.</summary>
internal static class Constructions
{
    /// <summary>Peaks a_0..a_{count−1} uniform in [low, high], from a fixed stream.</summary>
    public static double[] RandomPeaks(int count, ulong seed, double low = 0.2, double high = 0.8)
    {
        var rng = new CounterRng(seed, stream: (ulong)count);
        var peaks = new double[count];
        for (int i = 0; i < count; i++)
            peaks[i] = low + (high - low) * rng.NextDouble();
        return peaks;
    }

    /// <summary>
    /// Depth-d network with random peaks and the differentiability condition, s_0 = a_0·a_1/2 (so the subtracted
    /// variant's accumulator stays positive).
    /// </summary>
    public static CompositionalNetwork Differentiable(int depth, ulong seed, WaveSign sign = WaveSign.Subtract)
    {
        var peaks = RandomPeaks(depth + 1, seed);
        var scales = new double[depth];
        DifferentiabilityCondition.Scales(peaks, peaks[0] * peaks[1] / 2, scales);
        return new CompositionalNetwork(peaks.AsSpan(0, depth), scales, sign);
    }

    /// <summary>The raw double parameters of <paramref name="network"/>.</summary>
    public static double[] Parameters(CompositionalNetwork network)
    {
        var p = new double[network.Architecture.ParameterCount];
        network.WriteParameters<double>(p);
        return p;
    }
}
