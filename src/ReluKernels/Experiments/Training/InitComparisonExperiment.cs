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
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(parallel);
        var a = task.Architecture;
        var training = task.Problem.TrainingSet<float>(parallel.Seed);
        var classifier = OutcomeClassifier.Create(training, task.Problem.TestSet<float>(parallel.Seed), task.Problem.Radius);
        var options = new TrainingOptions { Optimizer = task.Optimizer, Loss = LossFunction.MeanSquaredError, BatchSize = 0, MaxEpochs = epochs };
        var withHistory = parallel with { HistoryInterval = Math.Max(1, epochs / 200) };
        IInitializer[] initializers = [NormalInitializer.HeWithBias, NormalInitializer.HeWithoutBias, DataDependent(training, task.Width)];
        var reports = new InitComparisonReport[initializers.Length];
        var runs = new TrainingRun<float>[initializers.Length][];
        for (int i = 0; i < initializers.Length; i++)
        {
            int before = i * parallel.Runs;
            var report = progress is null ? null : new CallbackProgress<int>(finished => progress.Report(before + finished));
            runs[i] = ParallelTraining.Run(new GenericKernel<float>(a), initializers[i], training, options, withHistory, classifier, report, cancellation);
            int[] deadAtInit = [.. runs[i].Select(run => run.InitialOutcome!.DeadHiddenNeurons)];
            reports[i] = InitComparisonReport.From(task, InitializerNames[i], initializers[i].ToString() ?? "", options, runs[i], deadAtInit);
        }
        return new InitComparisonResult(task, reports, runs);
    }
}
