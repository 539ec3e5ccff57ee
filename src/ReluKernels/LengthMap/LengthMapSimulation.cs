using ReluKernels.Activations;
using ReluKernels.Statistics;
using Theory = ReluKernels.Theory;

namespace ReluKernels.LengthMap;

/// <summary>
/// The length map of Lu, Su &amp; Karniadakis (2019), §3, at finite width: the mean of q^l over many random networks
/// beside the recursion E[q^l] = σ_w² E_z[φ(√E[q^{l−1}] z)²] + σ_b² (<see cref="Theory.LengthMap"/>).
/// </summary>
/// <remarks>
/// Network i draws from stream i of the seed and writes its own slot; the means are then taken in network order, so the
/// numbers do not depend on the thread count. Documentation: docs/theory/length-map.md.
/// </remarks>
public static class LengthMapSimulation
{
    /// <summary>Runs <paramref name="activation"/> under <paramref name="init"/>.</summary>
    /// <param name="activation">φ; one the kernels offer (<see cref="KernelActivationOf.Simulable"/>).</param>
    /// <param name="init">The weight initialiser.</param>
    /// <param name="settings">Width, depth, σ_b, networks, seed, threads.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The kernels do not offer <paramref name="activation"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static LengthMapRun Run(ScalarActivation activation, LengthMapInit init, LengthMapSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var (kind, parameter) = KernelActivationOf.Find(activation)
            ?? throw new ArgumentException($"{activation} has no kernel activation to simulate.", nameof(activation));
        int n = settings.Width, depth = settings.Depth;
        double biasVariance = settings.BiasStd * settings.BiasStd;
        double weightVariance = LengthMapInits.WeightVariance(init, n, n);
        double[] weightVariances = [.. Enumerable.Repeat(weightVariance, depth)];
        // q⁰ = 1: the input is (1, …, 1).
        double[] recursion = activation is Relu
            ? Theory.LengthMap.ExpectedRelu(1, weightVariances, biasVariance)
            : Theory.LengthMap.Expected(activation, 1, weightVariances, biasVariance);

        var lengths = new double[settings.Trials * depth];
        var weights = LengthMapInits.Weights(init);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellation };
        Parallel.For(0, settings.Trials, parallel, () => new LengthMapNetwork(kind, parameter, weights, n, depth, settings.BiasStd), (i, _, network) =>
        {
            var rng = new CounterRng(settings.Seed, (ulong)i);
            network.Sample(ref rng, lengths.AsSpan(i * depth, depth));
            return network;
        }, _ => { });

        var layers = new LengthMapLayer[depth];
        for (int l = 0; l < depth; l++)
            layers[l] = new LengthMapLayer(l + 1, weightVariance, recursion[l], Mean(lengths, l, depth, settings.Trials));
        return new LengthMapRun(activation.ToString(), init, Theory.LengthMap.IsExactAtEveryWidth(activation),
            Theory.LengthMap.FixedPoint(activation, weightVariance, biasVariance, recursion[0]), layers);
    }

    // Two passes in network order (mean, then squared deviations), so the variance does not cancel catastrophically.
    private static MeanEstimate? Mean(double[] lengths, int layer, int depth, int trials)
    {
        double sum = 0;
        for (int i = 0; i < trials; i++)
            sum += lengths[i * depth + layer];
        double mean = sum / trials;
        if (!double.IsFinite(mean))
            return null;
        double squares = 0;
        for (int i = 0; i < trials; i++)
        {
            double d = lengths[i * depth + layer] - mean;
            squares += d * d;
        }
        return double.IsFinite(squares) ? new MeanEstimate(trials, mean, squares / (trials - 1)) : null;
    }
}
