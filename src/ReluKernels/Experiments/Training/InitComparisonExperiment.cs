using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// Shin &amp; Karniadakis's comparison of three initialisations of a shallow ReLU network (§4.1 Fig. 3 and §5.2 Fig. 6): He with bias,
/// He without bias and the data-dependent initialisation, each trained from the same random streams on the same data with
/// the same optimiser; RMSE curves over seeds and dead neurons before and after training.
/// </summary>
/// <remarks>
/// <para>He with bias: [W, b] ~ N(0, 2/(fan_in + 1)) per layer. He without bias: W ~ N(0, 2/fan_in), b = 0. Data-dependent
/// (§4.1, with eq. (5)'s parameters): W¹ ~ N(0, 2/d), b_i = −w_iᵀx_{j_i} (σ_e = 0), W² ~ N(0, σ_out²) with σ_out² from
/// <see cref="DataDependentInitializer.WithEquation5"/> (Shin &amp; Karniadakis 2020, eq. (5)), b² = 0. Run r of every
/// initialisation draws from the stream (seed, r), so He without bias and the data-dependent initialisation share their
/// first-layer weights.</para>
/// <para>The networks are wider than the generator's limit, so they train on the generic kernel.</para>
/// </remarks>
public static class InitComparisonExperiment
{
    /// <summary>The initialisations compared, by their report names.</summary>
    public static IReadOnlyList<string> InitializerNames { get; } = ["he-with-bias", "he-without-bias", "data-dependent"];

    /// <summary>The data-dependent initialiser for <paramref name="training"/>'s inputs and a width-<paramref name="width"/> network, with eq. (5)'s variances.</summary>
    /// <exception cref="ArgumentException">Fewer than two distinct points, or the width is below the number of points.</exception>
    public static DataDependentInitializer DataDependent(Dataset<float> training, int width)
    {
        ArgumentNullException.ThrowIfNull(training);
        var points = new double[training.Inputs.Length];
        for (int i = 0; i < points.Length; i++)
            points[i] = training.Inputs[i];
        return DataDependentInitializer.WithEquation5(points, training.InputDim, width);
    }

    /// <summary>Trains every initialisation on <paramref name="task"/> and reports each.</summary>
    /// <param name="task">The task.</param>
    /// <param name="epochs">Epochs per training.</param>
    /// <param name="parallel">Seed (of the data and the runs), runs per initialisation (the paper's "independent simulations") and threads; its history interval is ignored.</param>
    /// <param name="progress">Told the number of finished trainings (over all initialisations), or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static InitComparisonResult Run(InitComparisonTask task, int epochs, ParallelTrainingOptions parallel, IProgress<int>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(parallel);
        int[] all = [.. Enumerable.Range(0, parallel.Runs)];
        var runs = new TrainingRun<float>[InitializerNames.Count][];
        for (int i = 0; i < runs.Length; i++)
        {
            int before = i * parallel.Runs;
            var report = progress is null ? null : new CallbackProgress<int>(finished => progress.Report(before + finished));
            runs[i] = Train(task, epochs, parallel, i, all, report, null, cancellation);
        }
        return Result(task, epochs, parallel, runs);
    }

    /// <summary>
    /// Runs the trainings <paramref name="runs"/> (e.g. one shard's) of initialisation <paramref name="initializer"/>, classified and
    /// with loss histories; the result of the task is <see cref="Result"/> of all of them in run order, wherever they ran.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="epochs">Epochs per training.</param>
    /// <param name="parallel">Seed, runs per initialisation and threads; its history settings are ignored.</param>
    /// <param name="initializer">Index into <see cref="InitializerNames"/>.</param>
    /// <param name="runs">Run indices, strictly increasing, in 0..Runs − 1.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="finished">Given each finished training (from a worker thread), or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingRun<float>[] Train(InitComparisonTask task, int epochs, ParallelTrainingOptions parallel, int initializer, IReadOnlyList<int> runs,
        IProgress<int>? progress = null, Action<TrainingRun<float>>? finished = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(parallel);
        var training = task.Problem.TrainingSet<float>(parallel.Seed);
        return ParallelTraining.Run(new GenericKernel<float>(task.Architecture), Initializers(task, parallel.Seed)[initializer], training,
            Options(task, epochs), WithHistory(parallel, epochs), runs, Classifier(task, parallel.Seed), progress, finished, cancellation);
    }

    /// <summary>The initialisers compared on <paramref name="task"/>, in <see cref="InitializerNames"/> order (the data-dependent one depends on the data, hence on the seed).</summary>
    public static IReadOnlyList<IInitializer> Initializers(InitComparisonTask task, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        return [NormalInitializer.HeWithBias, NormalInitializer.HeWithoutBias, DataDependent(task.Problem.TrainingSet<float>(seed), task.Width)];
    }

    /// <summary>The classifier of the task's runs (what <see cref="ParallelTraining.Restore"/> needs to rebuild a stored run).</summary>
    public static OutcomeClassifier Classifier(InitComparisonTask task, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        return OutcomeClassifier.Create(task.Problem.TrainingSet<float>(seed), task.Problem.TestSet<float>(seed), task.Problem.Radius);
    }

    /// <summary>The batch options the task trains with: <paramref name="parallel"/> with a loss history of about 200 points per run.</summary>
    public static ParallelTrainingOptions WithHistory(ParallelTrainingOptions parallel, int epochs)
    {
        ArgumentNullException.ThrowIfNull(parallel);
        return parallel with { HistoryInterval = Math.Max(1, epochs / 200), HistoryRuns = int.MaxValue };
    }

    /// <summary>The result of the task from every training of every initialisation, classified, in run order.</summary>
    /// <param name="task">The task.</param>
    /// <param name="epochs">Epochs per training.</param>
    /// <param name="parallel">Seed and runs per initialisation.</param>
    /// <param name="runs">Per initialisation (<see cref="InitializerNames"/> order), its trainings in run order.</param>
    public static InitComparisonResult Result(InitComparisonTask task, int epochs, ParallelTrainingOptions parallel, IReadOnlyList<TrainingRun<float>[]> runs)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(parallel);
        ArgumentNullException.ThrowIfNull(runs);
        var initializers = Initializers(task, parallel.Seed);
        var options = Options(task, epochs);
        var reports = new InitComparisonReport[initializers.Count];
        for (int i = 0; i < reports.Length; i++)
        {
            int[] deadAtInit = [.. runs[i].Select(run => run.InitialOutcome!.DeadHiddenNeurons)];
            reports[i] = InitComparisonReport.From(task, InitializerNames[i], initializers[i].ToString() ?? "", options, runs[i], deadAtInit);
        }
        return new InitComparisonResult(task, reports, runs);
    }

    private static TrainingOptions Options(InitComparisonTask task, int epochs) =>
        new() { Optimizer = task.Optimizer, Loss = LossFunction.MeanSquaredError, BatchSize = 0, MaxEpochs = epochs };
}
