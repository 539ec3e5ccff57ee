using ReluKernels.Analysis;

namespace ReluKernels.Compositional;

/// <summary>
/// The distribution of exact output linear-region counts of randomly initialised 1 → [width × depth] → 1 ReLU networks
/// (biases, affine output) on an interval, to set beside the compositional construction's 2^depth.
/// </summary>
/// <remarks>
/// Network n is drawn by the initializer from <c>new CounterRng(seed, stream: n)</c>, so any one network
/// can be redrawn alone, and the sample is the same for a given seed on every machine. Counting is
/// <see cref="LinearRegions.OutputRegionCount"/>; one propagator and one parameter buffer serve all networks.
/// </remarks>
public static class RegionCountSurvey
{
    /// <summary>Counts the output regions of <paramref name="networks"/> random networks on [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="networks"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">An invalid shape or interval.</exception>
    public static RegionCountSummary Sample(IInitializer initializer, int width, int depth, int networks, ulong seed,
        double lower = 0, double upper = 1)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentOutOfRangeException.ThrowIfLessThan(networks, 1);
        var architecture = new NetworkArchitecture(width, depth);
        var parameters = new double[architecture.ParameterCount];
        var propagator = new PiecewiseLinearPropagator(width);
        var counts = new int[networks];
        for (int n = 0; n < networks; n++)
        {
            var rng = new CounterRng(seed, stream: (ulong)n);
            initializer.Initialize(architecture, parameters, ref rng);
            counts[n] = LinearRegions.OutputRegionCount(architecture, parameters, lower, upper, propagator);
        }
        return new RegionCountSummary(architecture, initializer.ToString() ?? "", counts);
    }
}
