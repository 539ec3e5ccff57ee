using MathNet.Numerics.Statistics;
using ReluKernels.Experiments.Training;
using ReluKernels.Theory.Conditioning;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Conditioning;

/// <summary>
/// The training check of Agarwal, Awasthi &amp; Kale (2021) at a scale a laptop allows: n random unit vectors with
/// separation δ and random ±1 labels, fitted by full-batch Adam (MSE) with networks of one fixed width and increasing
/// depth, for plain ReLU, normalised ReLU and NormReLU_b (<see cref="DepthTrainingActivation"/>); the training loss
/// before and after, over many initial networks, per activation and depth.
/// </summary>
/// <remarks>
/// <para>The paper's claim is that depth with a normalised activation makes the (NTK's) kernel matrix well conditioned and so
/// helps gradient descent; its own evidence is CIFAR-10 (Sec. 7), out of reach here. Random labels are the task where
/// conditioning matters most: nothing but the kernel's separation of the points lets the network fit them.</para>
/// <para><b>Reproducibility.</b> The inputs come from stream <see cref="InputStream"/> of the seed, the labels from
/// <see cref="TargetStream"/>; run r of every activation and depth initialises from stream r (<see cref="ParallelTraining"/>),
/// so results depend on the seed only, never on the thread count. Double precision, on the generic kernel.</para>
/// </remarks>
public static class DepthTrainingExperiment
{
    /// <summary>The stream of the seed the inputs are drawn from (far from the runs' streams 0, 1, …).</summary>
    public const ulong InputStream = ulong.MaxValue;

    /// <summary>The stream of the seed the ±1 labels are drawn from.</summary>
    public const ulong TargetStream = ulong.MaxValue - 1;

    /// <summary>A run counts as fitted when its final MSE is at most this: 1% of the best constant predictor's ≈ 1.</summary>
    public const double FitThreshold = 0.01;

    /// <summary>The training set: <see cref="DepthTrainingSettings.Inputs"/> unit vectors with the given separation and labels ±1 with probability ½ each.</summary>
    /// <exception cref="ArgumentException">The separation cannot be reached (see <see cref="SeparatedUnitVectors.Draw"/>).</exception>
    public static Dataset<double> Data(DepthTrainingSettings settings) => Data(settings, Points(settings));

    /// <summary>Trains every activation at every depth and summarises each: <see cref="Sample"/> of every run, <see cref="Summarise"/>, <see cref="Report"/>.</summary>
    /// <param name="settings">The scale.</param>
    /// <param name="activations">The activations, in report order (e.g. <see cref="DepthTrainingActivation.All"/>).</param>
    /// <param name="progress">Told the number of finished trainings over all activations and depths, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The separation cannot be reached, or no activation was given.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static DepthTrainingReport Run(DepthTrainingSettings settings, IReadOnlyList<DepthTrainingActivation> activations,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(activations);
        if (activations.Count == 0)
            throw new ArgumentException("No activation to train.", nameof(activations));
        int[] all = [.. Enumerable.Range(0, settings.Runs)];
        var rows = new List<DepthTrainingRow>();
        foreach (var activation in activations)
            foreach (int depth in settings.Depths)
            {
                int before = rows.Count * settings.Runs;
                var report = progress is null ? null : new CallbackProgress<int>(done => progress.Report(before + done));
                rows.Add(Summarise(settings, activation.Name, depth, Sample(settings, activation, depth, all, report, cancellation)));
            }
        return Report(settings, rows);
    }

    /// <summary>
    /// The sample step: trains the given runs of one activation at one depth (run r initialises from stream r of the seed,
    /// so its result does not depend on which others are trained) and keeps each one's losses.
    /// </summary>
    /// <param name="settings">The scale.</param>
    /// <param name="activation">The activation.</param>
    /// <param name="depth">Hidden layers, one of <see cref="DepthTrainingSettings.Depths"/>.</param>
    /// <param name="runs">Run indices, strictly increasing, in 0..Runs−1.</param>
    /// <param name="progress">Told the number of finished trainings of this call, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <returns>One entry per index, in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The separation cannot be reached, the depth is not one of the settings', or the run indices are not as required.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static DepthTrainingRun[] Sample(DepthTrainingSettings settings, DepthTrainingActivation activation, int depth, IReadOnlyList<int> runs,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var data = Data(settings, Points(settings));
        if (!settings.Depths.Contains(depth))
            throw new ArgumentException($"Depth {depth} is not one of the settings' depths.", nameof(depth));
        var options = Options(settings);
        var parallel = new ParallelTrainingOptions { Seed = settings.Seed, Runs = settings.Runs, Threads = settings.Threads };
        var kernel = new GenericKernel<double>(activation.Architecture(settings.Width, depth, settings.Dimension));
        var trained = ParallelTraining.Run(kernel, activation.Initializer(depth), data, options, parallel, runs, null, progress, null, cancellation);
        var trainer = new Trainer<GenericKernel<double>, double>(kernel, options, data.Count);
        return [.. trained.Select(r => new DepthTrainingRun(r.Index, trainer.Loss(r.InitialParameters, data), r.Result.Diverged ? null : r.Result.FinalLoss))];
    }

    /// <summary>The summary step: one activation at one depth over every run, taken in run order.</summary>
    /// <param name="settings">The scale.</param>
    /// <param name="activation">The activation's name (<see cref="DepthTrainingActivation.Name"/>).</param>
    /// <param name="depth">Hidden layers.</param>
    /// <param name="runs">Runs 0..Runs−1 in order, as <see cref="Sample"/> gives them.</param>
    /// <exception cref="ArgumentException">The runs are not all of them in order.</exception>
    public static DepthTrainingRow Summarise(DepthTrainingSettings settings, string activation, int depth, IReadOnlyList<DepthTrainingRun> runs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count != settings.Runs || runs.Where((r, i) => r.Index != i).Any())
            throw new ArgumentException($"need runs 0..{settings.Runs - 1} in order, got {runs.Count} runs.", nameof(runs));
        var initial = Quantiles.Of(runs.Select(r => r.InitialLoss))!;
        var finished = runs.Where(r => !r.Diverged).Select(r => r.FinalLoss!.Value).ToArray();
        return new DepthTrainingRow(activation, depth, runs.Count, initial, Quantiles.Of(finished), finished.Count(loss => loss <= FitThreshold),
            runs.Count - finished.Length);
    }

    /// <summary>The report of <paramref name="rows"/>: the settings and the data set they were trained on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The separation cannot be reached.</exception>
    public static DepthTrainingReport Report(DepthTrainingSettings settings, IReadOnlyList<DepthTrainingRow> rows)
    {
        var points = Points(settings);
        return new DepthTrainingReport(settings, GramMatrix.Separation(GramMatrix.Of(points)), Data(settings, points).TargetsOf(0).ToArray().PopulationVariance(), rows);
    }

    private static TrainingOptions Options(DepthTrainingSettings settings) =>
        new() { Optimizer = new AdamSettings(settings.LearningRate), Loss = LossFunction.MeanSquaredError, MaxEpochs = settings.Epochs };

    private static double[][] Points(DepthTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return SeparatedUnitVectors.Draw(settings.Inputs, settings.Dimension, settings.Separation, settings.Seed, InputStream);
    }

    private static Dataset<double> Data(DepthTrainingSettings settings, double[][] points)
    {
        int n = settings.Inputs, d = settings.Dimension;
        var inputs = new double[n * d];
        for (int s = 0; s < n; s++)
            for (int k = 0; k < d; k++)
                inputs[k * n + s] = points[s][k];
        var labels = new CounterRng(settings.Seed, TargetStream);
        var targets = new double[n];
        for (int s = 0; s < n; s++)
            targets[s] = (labels.NextUInt32() & 1) == 0 ? -1 : 1;
        return new Dataset<double>(d, 1, inputs, targets,
            FormattableString.Invariant($"{n} random unit vectors in d = {d}, δ ≥ {settings.Separation}, random ±1 labels (seed {settings.Seed})"));
    }
}
