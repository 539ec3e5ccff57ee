using ReluKernels.Analysis;

namespace ReluKernels.Compositional;

/// <summary>
/// The distribution of exact output linear-region counts of randomly initialised 1 → [width × depth] → 1 ReLU networks
/// (biases, affine output) on an interval, to set beside the compositional construction's 2^depth.
/// </summary>
/// <remarks>
/// Network n is drawn by the initializer from <c>new CounterRng(seed, stream: n)</c>, so any one network
/// can be redrawn alone, and the sample is the same for a given seed on every machine. <see cref="Run"/> is the sample
/// step (<see cref="Sample"/>, any subset of networks, e.g. a shard's) followed by the summary step (<see cref="Summarise"/>,
/// all networks in network order). Counting is <see cref="LinearRegions.OutputRegionCount"/>; one propagator and one
/// parameter buffer serve all networks.
/// </remarks>
public static class RegionCountSurvey
{
    /// <summary>Counts the output regions of networks 0..<paramref name="networks"/>−1 on [<paramref name="lower"/>, <paramref name="upper"/>] and summarises them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="networks"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">An invalid shape or interval.</exception>
    public static RegionCountSummary Run(IInitializer initializer, int width, int depth, int networks, ulong seed,
        double lower = 0, double upper = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(networks, 1);
        return Summarise(initializer, width, depth, Sample(initializer, width, depth, [.. Enumerable.Range(0, networks)], seed, lower, upper));
    }

    /// <summary>
    /// The sample step: the output region count on [<paramref name="lower"/>, <paramref name="upper"/>] of each given network
    /// (network n from stream n of the seed, so its count does not depend on which others are drawn).
    /// </summary>
    /// <param name="initializer">Draws the parameters.</param>
    /// <param name="width">Neurons per hidden layer.</param>
    /// <param name="depth">Hidden layers.</param>
    /// <param name="networks">Network indices, none negative; may be empty.</param>
    /// <param name="seed">The seed of every network's stream.</param>
    /// <param name="lower">Left end of the interval.</param>
    /// <param name="upper">Right end of the interval.</param>
    /// <returns>One count per index, in the order given; each at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative index.</exception>
    /// <exception cref="ArgumentException">An invalid shape or interval.</exception>
    public static int[] Sample(IInitializer initializer, int width, int depth, IReadOnlyList<int> networks, ulong seed,
        double lower = 0, double upper = 1)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(networks);
        foreach (int n in networks)
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(networks));
        var architecture = new NetworkArchitecture(width, depth);
        var parameters = new double[architecture.ParameterCount];
        var propagator = new PiecewiseLinearPropagator(width);
        var counts = new int[networks.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            var rng = new CounterRng(seed, stream: (ulong)networks[i]);
            initializer.Initialize(architecture, parameters, ref rng);
            counts[i] = LinearRegions.OutputRegionCount(architecture, parameters, lower, upper, propagator);
        }
        return counts;
    }

    /// <summary>The summary step: the distribution of the counts of networks 0..N−1, given in network order.</summary>
    /// <param name="initializer">How they were drawn.</param>
    /// <param name="width">Neurons per hidden layer.</param>
    /// <param name="depth">Hidden layers.</param>
    /// <param name="counts">Network n's count at position n, as <see cref="Sample"/> gives them.</param>
    /// <exception cref="ArgumentException">No counts, or a count below 1 (every network has at least one region); an invalid shape.</exception>
    public static RegionCountSummary Summarise(IInitializer initializer, int width, int depth, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
            throw new ArgumentException("need at least one network's count.", nameof(counts));
        for (int n = 0; n < counts.Count; n++)
            if (counts[n] < 1)
                throw new ArgumentException($"network {n} has {counts[n]} regions; every network has at least 1.", nameof(counts));
        return new RegionCountSummary(new NetworkArchitecture(width, depth), initializer.ToString() ?? "", [.. counts]);
    }
}
