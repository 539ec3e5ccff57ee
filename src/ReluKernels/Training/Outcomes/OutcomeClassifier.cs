using System.Numerics;
using ReluKernels.Analysis;
using ReluKernels.Training.Data;

namespace ReluKernels.Training.Outcomes;

/// <summary>
/// Classifies trained networks (<see cref="OutcomeKind"/>) against one training set, one evaluation set and the domain
/// Ω = [−r, r]^d. The tests, in order:
/// <list type="number">
/// <item><see cref="OutcomeKind.Diverged"/>: the training diverged or a parameter is not finite;</item>
/// <item><see cref="OutcomeKind.Collapsed"/>: the network is constant on Ω; the constant is then compared with the
/// training targets' mean and medians (<see cref="OutcomeOptions.ConstantTolerance"/>);</item>
/// <item><see cref="OutcomeKind.Successful"/>: the test error is below <see cref="OutcomeOptions.SuccessThreshold"/>;</item>
/// <item><see cref="OutcomeKind.PartiallyCollapsed"/>: constant on a part of Ω of positive measure;</item>
/// <item><see cref="OutcomeKind.Failed"/>: otherwise.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>1-D input: exact.</b> The network is propagated through <see cref="PiecewiseLinearPropagator"/> on [−r, r];
/// the output is affine between consecutive points of the representation, so it is constant on an interval exactly when
/// its values at the interval's two ends are equal — compared exactly, with no tolerance (docs/definitions.md). Constant on Ω
/// is one such piece covering [−r, r]. Dead hidden neurons and the first dead layer come from the same propagation.</para>
/// <para><b>2-D input: exact polygons.</b> The network is propagated through <see cref="PlanarPropagator"/> on [−r, r]²:
/// the output is affine on each convex polygon of the partition, so it is constant on a polygon exactly when its
/// gradient there is zero, and constant on Ω when that holds on every polygon with one and the same constant — compared
/// exactly. The flat fraction is the total area of the polygons with a zero output gradient over (2r)²; dead hidden
/// neurons and the first dead layer come from the same propagation (<see cref="DetectionMethod.ExactPolygons"/>).
/// <see cref="TrainingOutcome.FlatPieces"/> stays empty (it lists intervals).</para>
/// <para><b>d &gt; 2: an estimate.</b> The network is evaluated on the tensor grid of <see cref="OutcomeOptions.GridPointsPerAxis"/>
/// points per axis; it is called constant when every grid point gives the same output, and a grid cell is flat when all
/// its 2^d corners do. A grid can miss variation between its points, so "collapsed", "flat" and "dead" are upper
/// estimates (<see cref="SampledDeadness"/>); <see cref="TrainingOutcome.IsExact"/> is false and
/// <see cref="TrainingOutcome.Method"/> names the grid.</para>
/// <para>Everything is computed in double from the parameters (float parameters are widened exactly). An instance is
/// immutable and may be shared by threads; each call allocates its own scratch.</para>
/// </remarks>
public sealed class OutcomeClassifier
{
    private readonly Dataset<double> _training;
    private readonly Dataset<double> _evaluation;
    private readonly int _gridPointsPerAxis;

    private OutcomeClassifier(Dataset<double> training, Dataset<double> evaluation, double radius, OutcomeOptions options)
    {
        if (training.InputDim != evaluation.InputDim || training.OutputDim != evaluation.OutputDim)
            throw new ArgumentException(
                $"The training set is {training.InputDim}→{training.OutputDim} but the evaluation set is {evaluation.InputDim}→{evaluation.OutputDim}.",
                nameof(evaluation));
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius of Ω must be positive and finite.");
        _training = training;
        _evaluation = evaluation;
        Radius = radius;
        Options = options;
        Statistics = TargetStatistics.Of(training);
        int d = training.InputDim;
        _gridPointsPerAxis = options.GridPointsPerAxis != 0 ? options.GridPointsPerAxis
            : Math.Max(2, (int)Math.Floor(Math.Pow(101 * 101, 1.0 / d) + 1e-9));
    }

    /// <summary>r of Ω = [−r, r]^d.</summary>
    public double Radius { get; }

    /// <summary>The thresholds.</summary>
    public OutcomeOptions Options { get; }

    /// <summary>The training targets' mean, median interval and spread.</summary>
    public TargetStatistics Statistics { get; }

    /// <summary>A classifier for networks trained on <paramref name="training"/>, tested on <paramref name="evaluation"/>, on Ω = [−<paramref name="radius"/>, <paramref name="radius"/>]^d.</summary>
    /// <exception cref="ArgumentException">The two sets' dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not positive and finite.</exception>
    public static OutcomeClassifier Create<T>(Dataset<T> training, Dataset<T> evaluation, double radius, OutcomeOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(evaluation);
        return new OutcomeClassifier(training.Convert<double>(), evaluation.Convert<double>(), radius, options ?? new OutcomeOptions());
    }

    /// <summary>Classifies the network <paramref name="parameters"/> of shape <paramref name="architecture"/>.</summary>
    /// <param name="architecture">A ReLU shape with the data's input and output dimensions.</param>
    /// <param name="parameters">Its parameters (layout of <see cref="NetworkArchitecture"/>).</param>
    /// <param name="diverged">Whether the training reported divergence.</param>
    /// <exception cref="ArgumentException">The shape does not fit the data, is not ReLU, or the span has the wrong length.</exception>
    public TrainingOutcome Classify<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, bool diverged = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShape(architecture, parameters.Length);
        var p = new double[parameters.Length];
        bool finite = true;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = double.CreateTruncating(parameters[i]);
            finite &= double.IsFinite(p[i]);
        }
        if (diverged || !finite)
            return new TrainingOutcome(OutcomeKind.Diverged, IsExact: true, "not analysed (diverged)", double.NaN,
                [], false, false, double.NaN, double.NaN, double.NaN, [], 0, 0);

        var shape = architecture.InputDim switch
        {
            1 => Exact(architecture, p),
            2 => Polygons(architecture, p),
            _ => Sampled(architecture, p),
        };
        double testError = TestError(architecture, p);
        if (shape.Constant is { } c)
        {
            double toMean = 0, toMedian = 0;
            for (int o = 0; o < c.Length; o++)
            {
                double sd = Statistics.StandardDeviation[o];
                double mean = Math.Abs(c[o] - Statistics.Mean[o]);
                double median = Math.Max(0, Math.Max(Statistics.MedianLow[o] - c[o], c[o] - Statistics.MedianHigh[o]));
                toMean = Math.Max(toMean, sd > 0 ? mean / sd : mean == 0 ? 0 : double.PositiveInfinity);
                toMedian = Math.Max(toMedian, sd > 0 ? median / sd : median == 0 ? 0 : double.PositiveInfinity);
            }
            double tolerance = Options.ConstantTolerance;
            return new TrainingOutcome(OutcomeKind.Collapsed, shape.IsExact, shape.Method, testError, c,
                toMean <= tolerance, toMedian <= tolerance, toMean, toMedian, 1, shape.Pieces, shape.FirstDeadLayer, shape.DeadNeurons);
        }
        var kind = testError < Options.SuccessThreshold ? OutcomeKind.Successful
            : shape.FlatFraction > 0 ? OutcomeKind.PartiallyCollapsed
            : OutcomeKind.Failed;
        return new TrainingOutcome(kind, shape.IsExact, shape.Method, testError, [], false, false, double.NaN, double.NaN,
            shape.FlatFraction, shape.Pieces, shape.FirstDeadLayer, shape.DeadNeurons);
    }

    /// <summary>What the shape analysis found: the constant (when constant on Ω), flat parts, dead neurons.</summary>
    private sealed record ShapeFacts(double[]? Constant, double FlatFraction, FlatPiece[] Pieces, int FirstDeadLayer, int DeadNeurons,
        bool IsExact, string Method);

    private ShapeFacts Exact(NetworkArchitecture a, double[] parameters)
    {
        var propagator = new PiecewiseLinearPropagator(Math.Max(a.Width, a.OutputDim));
        propagator.Start(Radius);
        int firstDead = 0, dead = 0;
        for (int l = 1; l <= a.LayerCount; l++)
        {
            var report = propagator.ApplyLayer(AnalysisArguments.Weights(a, parameters, l), AnalysisArguments.Biases(a, parameters, l),
                a.LayerOutputs(l), AnalysisArguments.Activates(a, l));
            if (l <= a.Depth)
            {
                dead += report.DeadNeurons;
                if (report.IdenticallyZero && firstDead == 0)
                    firstDead = l;
            }
        }

        var points = propagator.Points;
        var pieces = new List<FlatPiece>();
        double flatLength = 0;
        int k = 0;
        while (k + 1 < points.Length)
        {
            if (!propagator.ValuesAt(k).SequenceEqual(propagator.ValuesAt(k + 1)))
            {
                k++;
                continue;
            }
            int end = k + 1;
            while (end + 1 < points.Length && propagator.ValuesAt(end).SequenceEqual(propagator.ValuesAt(end + 1)))
                end++;
            var piece = Piece(points[k], points[end], propagator.ValuesAt(k).ToArray());
            pieces.Add(piece);
            flatLength += piece.Length;
            k = end;
        }
        bool constant = pieces.Count == 1 && pieces[0].From == -Radius && pieces[0].To == Radius;
        return new ShapeFacts(constant ? [.. pieces[0].Value] : null, flatLength / (2 * Radius), [.. pieces], firstDead, dead,
            IsExact: true, $"piecewise-linear on Ω = [{-Radius}, {Radius}] (exact)");
    }

    private FlatPiece Piece(double from, double to, double[] value)
    {
        int m = _training.OutputDim;
        var sums = new double[m];
        int count = 0;
        var x = _training.InputsOf(0);
        for (int s = 0; s < x.Length; s++)
        {
            if (x[s] < from || x[s] > to)
                continue;
            count++;
            for (int o = 0; o < m; o++)
                sums[o] += _training.TargetsOf(o)[s];
        }
        for (int o = 0; o < m; o++)
            sums[o] = count == 0 ? double.NaN : sums[o] / count;
        return new FlatPiece(from, to, value, sums, count);
    }

    /// <summary>2-D input: exact, from the polygons of <see cref="PlanarPropagator"/> (allocates; once per network).</summary>
    private ShapeFacts Polygons(NetworkArchitecture a, double[] parameters)
    {
        var propagator = NetworkAnalysis.PropagatePlanar(a, parameters, Radius, PlanarPropagator.DefaultMaxRegions, out var hidden, out _);
        int firstDead = Array.FindIndex(hidden, layer => Array.TrueForAll(layer, s => s == NeuronState.DeadZero)) + 1;
        int dead = hidden.Sum(layer => layer.Count(s => s != NeuronState.Active));

        var regions = propagator.Regions;
        double flatArea = 0;
        bool constant = true;
        var first = regions[0].Maps;
        foreach (var region in regions)
        {
            bool flat = true;
            for (int o = 0; o < a.OutputDim; o++)
            {
                var f = region.Maps[o];
                flat &= f.IsConstant;
                constant &= f.IsConstant && f.Offset == first[o].Offset;
            }
            if (flat)
                flatArea += region.Area;
        }
        double domainArea = 4 * Radius * Radius;
        // When constant, every polygon is flat: report exactly 1 rather than a sum of areas that rounding moves by ulps.
        double flatFraction = constant ? 1 : Math.Min(1, flatArea / domainArea);
        double[]? value = constant ? [.. first.Take(a.OutputDim).Select(f => f.Offset)] : null;
        return new ShapeFacts(value, flatFraction, [], firstDead, dead, IsExact: true,
            $"exact polygons on Ω = [{-Radius}, {Radius}]² ({regions.Count} polygons)");
    }

    private ShapeFacts Sampled(NetworkArchitecture a, double[] parameters)
    {
        int d = a.InputDim, n = _gridPointsPerAxis;
        var grid = PointSets.Grid(d, n, Radius);
        var analysis = SampledDeadness.Analyze(a, parameters, grid);
        int dead = analysis.HiddenLayers.Sum(l => l.DeadCount);
        var outputs = new double[a.OutputDim * grid.Count];
        new GenericNetwork<double>(a).Forward(parameters, grid.Coordinates, outputs);

        // A cell is flat when all 2^d corners give the first corner's outputs. Axis 0 varies fastest in the grid.
        int cells = (int)Math.Pow(n - 1, d), flat = 0;
        var stride = new int[d];
        for (int k = 0, s = 1; k < d; k++, s *= n)
            stride[k] = s;
        for (int cell = 0; cell < cells; cell++)
        {
            int origin = 0;
            for (int k = 0, rest = cell; k < d; k++, rest /= n - 1)
                origin += rest % (n - 1) * stride[k];
            bool same = true;
            for (int mask = 1; mask < 1 << d && same; mask++)
            {
                int point = origin;
                for (int k = 0; k < d; k++)
                    if ((mask >> k & 1) != 0)
                        point += stride[k];
                for (int o = 0; o < a.OutputDim && same; o++)
                    same = outputs[o * grid.Count + point] == outputs[o * grid.Count + origin];
            }
            if (same)
                flat++;
        }
        double[]? constant = null;
        if (analysis.IsConstant)
        {
            constant = new double[a.OutputDim];
            for (int o = 0; o < a.OutputDim; o++)
                constant[o] = outputs[o * grid.Count];
        }
        return new ShapeFacts(constant, (double)flat / cells, [], analysis.FirstDeadLayer, dead, IsExact: false,
            $"sampling on the {grid.Description} (estimate: can miss variation between grid points)");
    }

    private double TestError(NetworkArchitecture a, double[] parameters)
    {
        var outputs = new double[a.OutputDim * _evaluation.Count];
        new GenericNetwork<double>(a).Forward(parameters, _evaluation.Inputs, outputs);
        return Losses.Value<double>(LossFunction.MeanSquaredError, outputs, _evaluation.Targets);
    }

    private void CheckShape(NetworkArchitecture architecture, int parameterCount)
    {
        AnalysisArguments.CheckNetwork(architecture, parameterCount);
        if (architecture.InputDim != _training.InputDim || architecture.OutputDim != _training.OutputDim)
            throw new ArgumentException(
                $"The network {architecture} does not fit the data ({_training.InputDim}-D inputs, {_training.OutputDim}-D targets).", nameof(architecture));
    }
}
