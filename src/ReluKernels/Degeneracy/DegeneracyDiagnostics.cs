using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>
/// Finds the degeneracies of Berner, Elbrächter &amp; Grohs (2019) in a network, per hidden layer: unbalanced neurons,
/// positively parallel (redundant) and exactly opposite incoming vectors, and dead neurons (docs/theory/degeneracy.md).
/// </summary>
public static class DegeneracyDiagnostics
{
    /// <summary>
    /// A default τ: far above the relative rounding of a rescaled or merged network (~1e-15) and far below the gaps of
    /// random weights, whose unit vectors differ by O(1/√width).
    /// </summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>
    /// Diagnoses a network with 1-D input; dead neurons are decided exactly on Ω = [−r, r] by piecewise-linear propagation.
    /// </summary>
    /// <exception cref="ArgumentException">τ is not positive and finite, or the input is not 1-D (use the <see cref="PointSet"/> overload).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public static DegeneracyReport Diagnose(LayeredNetwork network, double tolerance = DefaultTolerance, double radius = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckTolerance(tolerance);
        if (network.InputDim != 1)
            throw new ArgumentException($"Exact dead-neuron detection needs a 1-D input, but {network} has InputDim = {network.InputDim}; pass a PointSet for a sampled estimate.", nameof(network));
        var states = NeuronDeadness.Exact(network, radius);
        return Build(network, tolerance, states, DetectionMethod.PiecewiseLinear, $"Ω = [{-radius}, {radius}] (exact)");
    }

    /// <summary>
    /// Diagnoses a network of any input dimension; dead neurons are estimated on <paramref name="points"/> (a neuron that
    /// is constant on every point is reported dead, though it may be active between them).
    /// </summary>
    /// <exception cref="ArgumentException">τ is not positive and finite, or the points' dimension differs from the network's.</exception>
    public static DegeneracyReport Diagnose(LayeredNetwork network, PointSet points, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(points);
        CheckTolerance(tolerance);
        var states = NeuronDeadness.Sampled(network, points);
        return Build(network, tolerance, states, DetectionMethod.Sampling, $"{points.Description} (sampled)");
    }

    /// <summary>Rejects τ ≤ 0, NaN and ∞.</summary>
    internal static void CheckTolerance(double tolerance)
    {
        if (!(tolerance > 0) || double.IsPositiveInfinity(tolerance))
            throw new ArgumentException($"The tolerance must be positive and finite, got {tolerance}.", nameof(tolerance));
    }

    /// <summary>Whether ‖c‖_∞ and ‖a‖_∞ agree to τ relative to the larger.</summary>
    internal static bool IsBalanced(double incoming, double outgoing, double tolerance) =>
        Math.Abs(outgoing - incoming) <= tolerance * Math.Max(outgoing, incoming);

    private static DegeneracyReport Build(LayeredNetwork network, double tolerance, NeuronState[][] states, DetectionMethod method, string domain)
    {
        var layers = new LayerDiagnostics[network.Depth];
        for (int l = 1; l <= network.Depth; l++)
        {
            var layer = network.Hidden(l);
            var next = network.Next(l);
            var neurons = new NeuronDiagnostics[layer.FanOut];
            for (int j = 0; j < layer.FanOut; j++)
            {
                double incoming = layer.IncomingNorm(j), outgoing = next.ColumnNorm(j);
                neurons[j] = new NeuronDiagnostics(l, j, incoming, outgoing, IsBalanced(incoming, outgoing, tolerance), states[l - 1][j]);
            }
            var parallel = new List<NeuronPair>();
            var opposite = new List<NeuronPair>();
            for (int i = 0; i < layer.FanOut; i++)
            {
                for (int j = i + 1; j < layer.FanOut; j++)
                {
                    double factor = DirectionComparison.Factor(layer, i, j, tolerance);
                    if (factor > 0)
                        parallel.Add(new NeuronPair(l, i, j, factor));
                    else if (factor < 0)
                        opposite.Add(new NeuronPair(l, i, j, factor));
                }
            }
            layers[l - 1] = new LayerDiagnostics(l, neurons, parallel, opposite);
        }
        return new DegeneracyReport(network.ToString(), tolerance, method, domain, layers);
    }
}
