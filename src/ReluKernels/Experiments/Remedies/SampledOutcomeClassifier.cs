using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// Classifies trained networks of any <see cref="LayeredArchitecture"/> — normalisation layers and activations without a
/// zero region included, which the exact <see cref="OutcomeClassifier"/> cannot propagate — from their sampled outputs in
/// evaluation mode (running statistics, no dropout) on a tensor grid over Ω = [−r, r]^d. Collapse is Lu, Su &amp;
/// Karniadakis's (2019): the output function is constant on the data's domain.
/// </summary>
/// <remarks>
/// <para><b>Tests, in order</b> (as <see cref="OutcomeClassifier"/>): diverged (the training diverged, or a parameter or an
/// output is not finite); collapsed (every output's spread max − min over the grid is at most
/// <see cref="OutcomeOptions.ConstantTolerance"/> × the training targets' standard deviation); successful (test MSE below
/// <see cref="OutcomeOptions.SuccessThreshold"/>); partially collapsed (flat on at least <see cref="PartialFlatFraction"/>
/// of the grid's cells); failed.</para>
/// <para><b>Why a tolerance.</b> A dead ReLU layer makes the output exactly constant, but SELU and leaky ReLU have no
/// zero region and batch normalisation rescales: a network of theirs that converged to the mean is constant only up to the
/// optimiser's jitter. A cell is flat when each output varies over its corners by at most the collapse tolerance divided by
/// the cells per axis, so a function flat on every cell is within the collapse tolerance of a constant along any axis.</para>
/// <para>Immutable and thread-safe; each call allocates its own network and buffers (once per run, not in a hot loop).</para>
/// </remarks>
public sealed class SampledOutcomeClassifier
{
    /// <summary>Grid points in all (the exact classifier's grid for d &gt; 2 uses the same budget): n per axis with n^d ≤ this.</summary>
    public const int GridBudget = 101 * 101;

    /// <summary>
    /// A network that is not successful is partially collapsed when flat on at least this fraction of Ω's grid cells (ours:
    /// Lu et al.'s "partial mean" is flat on a set of positive measure; 1% keeps a few cells of rounding from counting).
    /// </summary>
    public const double PartialFlatFraction = 0.01;

    private readonly double[] _grid;      // feature-major, d × GridPoints
    private readonly Dataset<double> _test;
    private readonly double[] _sd;        // per output: the training targets' standard deviation
    private readonly double[] _tolerance; // per output: ConstantTolerance × sd

    /// <summary>A classifier for networks trained on <paramref name="problem"/>'s training set of <paramref name="seed"/>.</summary>
    public SampledOutcomeClassifier(TargetProblem problem, ulong seed, OutcomeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Options = options ?? new OutcomeOptions();
        var training = problem.TrainingSet<double>(seed);
        _test = problem.TestSet<double>(seed);
        var stats = TargetStatistics.Of(training);
        _sd = [.. stats.StandardDeviation];
        _tolerance = [.. _sd.Select(sd => Options.ConstantTolerance * sd)];
        int d = training.InputDim;
        PointsPerAxis = Math.Max(2, (int)Math.Floor(Math.Pow(GridBudget, 1.0 / d) + 1e-9));
        _grid = Grid(d, PointsPerAxis, problem.Radius);
        Method = FormattableString.Invariant($"sampled on a {PointsPerAxis}-point-per-axis grid over Ω = [-{problem.Radius}, {problem.Radius}]^{d} (evaluation mode)");
    }

    /// <summary>The thresholds.</summary>
    public OutcomeOptions Options { get; }

    /// <summary>Grid points per axis.</summary>
    public int PointsPerAxis { get; }

    /// <summary>How constancy is decided, for reports.</summary>
    public string Method { get; }

    /// <summary>Classifies the network <paramref name="parameters"/> of <paramref name="layout"/>.</summary>
    /// <param name="layout">The network.</param>
    /// <param name="parameters">Its parameters (<see cref="LayeredArchitecture.ParameterCount"/> values).</param>
    /// <param name="diverged">Whether its training diverged.</param>
    public SampledOutcome Classify(LayeredArchitecture layout, ReadOnlySpan<float> parameters, bool diverged)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var a = layout.Network;
        double[] theta = new double[parameters.Length];
        for (int i = 0; i < theta.Length; i++)
            theta[i] = parameters[i];
        if (diverged || !theta.All(double.IsFinite))
            return Diverged;
        var network = new LayeredNetwork<double>(layout);
        int points = _grid.Length / a.InputDim;
        var outputs = new double[a.OutputDim * points];
        network.Forward(theta, _grid, outputs);
        var predictions = new double[a.OutputDim * _test.Count];
        network.Forward(theta, _test.Inputs, predictions);
        if (!outputs.All(double.IsFinite) || !predictions.All(double.IsFinite))
            return Diverged;

        double testError = 0;
        var targets = _test.Targets;
        for (int k = 0; k < predictions.Length; k++)
            testError += (predictions[k] - targets[k]) * (predictions[k] - targets[k]);
        testError /= predictions.Length;

        bool collapsed = true;
        double spread = 0;
        for (int o = 0; o < a.OutputDim; o++)
        {
            var row = outputs.AsSpan(o * points, points);
            double range = Max(row) - Min(row);
            collapsed &= range <= _tolerance[o];
            spread = Math.Max(spread, _sd[o] > 0 ? range / _sd[o] : range);
        }
        double flat = FlatFraction(outputs, a.InputDim, a.OutputDim);
        var kind = collapsed ? OutcomeKind.Collapsed
            : testError < Options.SuccessThreshold ? OutcomeKind.Successful
            : flat >= PartialFlatFraction ? OutcomeKind.PartiallyCollapsed
            : OutcomeKind.Failed;
        return new SampledOutcome(kind, testError, spread, flat);
    }

    private static SampledOutcome Diverged { get; } = new(OutcomeKind.Diverged, double.NaN, double.NaN, double.NaN);

    /// <summary>The fraction of grid cells on whose 2^d corners every output varies by at most its tolerance / (n − 1).</summary>
    private double FlatFraction(double[] outputs, int d, int outputDim)
    {
        int n = PointsPerAxis, points = _grid.Length / d, cells = 1;
        for (int k = 0; k < d; k++)
            cells *= n - 1;
        var index = new int[d];
        int flat = 0;
        for (int c = 0; c < cells; c++)
        {
            int rest = c;
            for (int k = 0; k < d; k++)
            {
                index[k] = rest % (n - 1);
                rest /= n - 1;
            }
            bool isFlat = true;
            for (int o = 0; o < outputDim && isFlat; o++)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (int corner = 0; corner < 1 << d; corner++)
                {
                    int p = 0, stride = 1;
                    for (int k = 0; k < d; k++)
                    {
                        p += (index[k] + ((corner >> k) & 1)) * stride;
                        stride *= n;
                    }
                    double y = outputs[o * points + p];
                    lo = Math.Min(lo, y);
                    hi = Math.Max(hi, y);
                }
                isFlat = hi - lo <= _tolerance[o] / (n - 1);
            }
            if (isFlat)
                flat++;
        }
        return (double)flat / cells;
    }

    /// <summary>The tensor grid, feature-major: point p = Σ i_k·n^k has coordinate k equal to −r + 2r·i_k/(n − 1).</summary>
    private static double[] Grid(int d, int n, double radius)
    {
        int points = 1;
        for (int k = 0; k < d; k++)
            points *= n;
        var grid = new double[d * points];
        for (int p = 0; p < points; p++)
        {
            int rest = p;
            for (int k = 0; k < d; k++)
            {
                grid[k * points + p] = -radius + 2 * radius * (rest % n) / (n - 1);
                rest /= n;
            }
        }
        return grid;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
            max = Math.Max(max, v);
        return max;
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values)
            min = Math.Min(min, v);
        return min;
    }
}
