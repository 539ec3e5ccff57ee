using ReluKernels.Activations;
using ReluKernels.Statistics;
using Theory = ReluKernels.Theory;

namespace ReluKernels.LengthMap;

/// <summary>
/// The length map of Lu, Su &amp; Karniadakis (2019), §3, at finite width: the mean of q^l over many random networks
/// beside the recursion E[q^l] = σ_w² E_z[φ(√E[q^{l−1}] z)²] + σ_b² (<see cref="Theory.LengthMap"/>).
/// </summary>
/// <remarks>
/// Two steps, so that networks can be drawn in shards and summarised together: <see cref="Sample"/> (network i draws from
/// stream i of the seed, whichever others are drawn and on whichever thread) and <see cref="Summarise"/> (means taken in
/// network order), so the numbers depend neither on the thread count nor on the split. Documentation: docs/theory/length-map.md.
/// </remarks>
public static class LengthMapSimulation
{
    /// <summary>Runs <paramref name="activation"/> under <paramref name="init"/>: <see cref="Sample"/> of every network, then <see cref="Summarise"/>.</summary>
    /// <param name="activation">φ; one the kernels offer (<see cref="KernelActivationOf.Simulable"/>).</param>
    /// <param name="init">The weight initialiser.</param>
    /// <param name="settings">Width, depth, σ_b, networks, seed, threads.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The kernels do not offer <paramref name="activation"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static LengthMapRun Run(ScalarActivation activation, LengthMapInit init, LengthMapSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Summarise(activation, init, settings, Sample(activation, init, settings, [.. Enumerable.Range(0, settings.Trials)], cancellation));
    }

    /// <summary>
    /// The sample step: draws the given networks (network i from stream i of the seed, so its lengths do not depend on which
    /// others are drawn) and keeps q^1..q^L of each.
    /// </summary>
    /// <param name="activation">As <see cref="Run"/>.</param>
    /// <param name="init">As <see cref="Run"/>.</param>
    /// <param name="settings">As <see cref="Run"/>.</param>
    /// <param name="networks">Indices in 0..Trials−1.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <returns>One entry per index, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The kernels do not offer <paramref name="activation"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting or index is out of range.</exception>
    public static NetworkLengths[] Sample(ScalarActivation activation, LengthMapInit init, LengthMapSettings settings, IReadOnlyList<int> networks,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var (kind, parameter) = Kernel(activation, settings);
        foreach (int i in networks)
            if (i < 0 || i >= settings.Trials)
                throw new ArgumentOutOfRangeException(nameof(networks), i, $"network indices are 0..{settings.Trials - 1}.");
        int depth = settings.Depth;
        var weights = LengthMapInits.Weights(init);
        var result = new NetworkLengths[networks.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellation };
        Parallel.For(0, networks.Count, parallel, () => new LengthMapNetwork(kind, parameter, weights, settings.Width, depth, settings.BiasStd), (slot, _, network) =>
        {
            int i = networks[slot];
            var rng = new CounterRng(settings.Seed, (ulong)i);
            var lengths = new double[depth];
            network.Sample(ref rng, lengths);
            result[slot] = new NetworkLengths(i, lengths);
            return network;
        }, _ => { });
        return result;
    }

    /// <summary>The summary step: per layer, the recursion beside the mean of q^l over every network, taken in network order.</summary>
    /// <param name="activation">As <see cref="Run"/>.</param>
    /// <param name="init">As <see cref="Run"/>.</param>
    /// <param name="settings">As <see cref="Run"/>.</param>
    /// <param name="networks">Networks 0..Trials−1 in order, as <see cref="Sample"/> gives them for these arguments.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The kernels do not offer <paramref name="activation"/>, or the networks are not all of them in order, each with L lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static LengthMapRun Summarise(ScalarActivation activation, LengthMapInit init, LengthMapSettings settings, IReadOnlyList<NetworkLengths> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        Kernel(activation, settings);
        int n = settings.Width, depth = settings.Depth;
        if (networks.Count != settings.Trials)
            throw new ArgumentException($"need all {settings.Trials} networks, got {networks.Count}.", nameof(networks));
        for (int i = 0; i < networks.Count; i++)
            if (networks[i].Index != i || networks[i].Lengths.Length != depth)
                throw new ArgumentException($"entry {i} is not network {i} with {depth} lengths.", nameof(networks));
        double biasVariance = settings.BiasStd * settings.BiasStd;
        double weightVariance = LengthMapInits.WeightVariance(init, n, n);
        double[] weightVariances = [.. Enumerable.Repeat(weightVariance, depth)];
        // q⁰ = 1: the input is (1, …, 1).
        double[] recursion = activation is Relu
            ? Theory.LengthMap.ExpectedRelu(1, weightVariances, biasVariance)
            : Theory.LengthMap.Expected(activation, 1, weightVariances, biasVariance);

        var layers = new LengthMapLayer[depth];
        for (int l = 0; l < depth; l++)
            layers[l] = new LengthMapLayer(l + 1, weightVariance, recursion[l], Mean(networks, l));
        return new LengthMapRun(activation.ToString(), init, Theory.LengthMap.IsExactAtEveryWidth(activation),
            Theory.LengthMap.FixedPoint(activation, weightVariance, biasVariance, recursion[0]), layers);
    }

    private static (Activation Kind, double? Parameter) Kernel(ScalarActivation activation, LengthMapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return KernelActivationOf.Find(activation) ?? throw new ArgumentException($"{activation} has no kernel activation to simulate.", nameof(activation));
    }

    // Two passes in network order (mean, then squared deviations), so the variance does not cancel catastrophically.
    private static MeanEstimate? Mean(IReadOnlyList<NetworkLengths> networks, int layer)
    {
        double sum = 0;
        foreach (var network in networks)
            sum += network.Lengths[layer];
        double mean = sum / networks.Count;
        if (!double.IsFinite(mean))
            return null;
        double squares = 0;
        foreach (var network in networks)
        {
            double d = network.Lengths[layer] - mean;
            squares += d * d;
        }
        return double.IsFinite(squares) ? new MeanEstimate(networks.Count, mean, squares / (networks.Count - 1)) : null;
    }
}
