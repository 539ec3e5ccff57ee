using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// Shin &amp; Karniadakis 2020, §5.1 (Figs. 4–5, left): the empirical probability that a shallow ReLU network with random biases trains
/// successfully (test MSE below 1e-2), per width, beside Theorem 3's trainability — the probability that at least m of its
/// neurons are alive at initialisation, which bounds the success probability from above.
/// </summary>
/// <remarks>
/// The network is 1 → [n] → 1 with He initialisation with bias, [W, b] ~ N(0, 2/(fan_in + 1)). A first-layer neuron that is
/// dead on Ω = [−√3, √3] at initialisation is dead at every training input, so its parameters never receive a gradient:
/// a network with fewer than m live neurons cannot represent a target whose minimal class is F_m (m = 2 for f₁ = |x|,
/// m = 4 for f₂). The experiment also counts the runs that were trainable at initialisation (exactly, by piecewise-linear
/// analysis), which is Theorem 3's event itself.
/// </remarks>
public static class TrainingSuccessExperiment
{
    /// <summary>The initialisation, He with bias.</summary>
    public static IInitializer Initializer => NormalInitializer.HeWithBias;

    /// <summary>How <see cref="Initializer"/> is described in reports.</summary>
    public const string InitializerDescription = "He with bias, [W, b] ~ N(0, 2/(fan_in + 1)) (Shin & Karniadakis 2020, §5.1)";

    /// <summary>
    /// m, the number of active neurons the target needs: 2 for f₁ = |x| (minimal class F₂) and 4 for f₂ (F₄), Shin &amp; Karniadakis 2020, §5.1.
    /// </summary>
    /// <exception cref="ArgumentException">The problem is neither f₁ nor f₂.</exception>
    public static int RequiredNeurons(TargetProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Name switch
        {
            "f1" => 2,
            "f2" => 4,
            _ => throw new ArgumentException($"Shin & Karniadakis 2020, §5.1 states the required width for f1 and f2 only, not {problem.Name}.", nameof(problem)),
        };
    }

    /// <summary>The shallow network of width <paramref name="width"/>: 1 → [n] → 1 with biases.</summary>
    public static NetworkArchitecture ArchitectureFor(int width) => new(width, 1);

    /// <summary>
    /// Trains <see cref="ParallelTrainingOptions.Runs"/> networks of <see cref="ArchitectureFor"/>(<paramref name="width"/>) on
    /// its kernel — generated for the widths of the paper's grid, else generic (the report's
    /// <see cref="TrainingSuccessReport.Kernel"/> says which ran) — and reports successes beside Theorem 3.
    /// </summary>
    /// <param name="width">The hidden width n ≥ m.</param>
    /// <param name="setup">What to run.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The width is below m.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingSuccessReport Run(int width, TrainingSuccessSetup setup, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return TrainingKernels.Run(ArchitectureFor(width), new Job(setup, progress, cancellation));
    }

    /// <summary>Trains <see cref="ParallelTrainingOptions.Runs"/> networks of the kernel's width and reports successes beside Theorem 3.</summary>
    /// <param name="kernel">A kernel of <see cref="ArchitectureFor"/>(width) with width ≥ m.</param>
    /// <param name="setup">What to run.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The kernel is not a shallow 1-D network, or its width is below m.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingSuccessReport Run<TKernel>(TKernel kernel, TrainingSuccessSetup setup, IProgress<int>? progress = null,
        CancellationToken cancellation = default)
        where TKernel : struct, ITrainableNetwork<TKernel, float>
    {
        ArgumentNullException.ThrowIfNull(setup);
        var runs = Train(kernel, setup, [.. Enumerable.Range(0, setup.Parallel.Runs)], progress, null, cancellation);
        return Report(setup, kernel.Architecture.Width, kernel.Description, runs);
    }

    /// <summary>
    /// Runs the trainings <paramref name="runs"/> of one width's batch (e.g. one shard's), classified; the width's report is
    /// <see cref="Report"/> of all of them in run order, wherever they ran.
    /// </summary>
    /// <param name="width">The hidden width n ≥ m.</param>
    /// <param name="setup">What to run.</param>
    /// <param name="runs">Run indices, strictly increasing, in 0..Runs − 1.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="finished">Given each finished training (from a worker thread), or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The width is below m, or the indices are not as required.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingBatch Train(int width, TrainingSuccessSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress = null,
        Action<TrainingRun<float>>? finished = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return TrainingKernels.Run(ArchitectureFor(width), new SubsetJob(setup, runs, progress, finished, cancellation));
    }

    /// <summary>The classifier of <paramref name="setup"/>'s runs (what <see cref="ParallelTraining.Restore"/> needs to rebuild a stored run).</summary>
    public static OutcomeClassifier Classifier(TrainingSuccessSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return OutcomeClassifier.Create(setup.Problem.TrainingSet<float>(setup.Parallel.Seed), setup.Problem.TestSet<float>(setup.Parallel.Seed), setup.Problem.Radius);
    }

    /// <summary>The report of one width from every training of its batch, classified, in run order.</summary>
    /// <param name="setup">What was run.</param>
    /// <param name="width">The hidden width n.</param>
    /// <param name="kernel">The kernel's description.</param>
    /// <param name="runs">The trainings, classified, in run order.</param>
    public static TrainingSuccessReport Report(TrainingSuccessSetup setup, int width, string kernel, IReadOnlyList<TrainingRun<float>> runs)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(runs);
        int[] activeAtInit = [.. runs.Select(run => width - run.InitialOutcome!.DeadHiddenNeurons)];
        return TrainingSuccessReport.From(setup, width, kernel, RequiredNeurons(setup.Problem), runs, activeAtInit);
    }

    private static TrainingRun<float>[] Train<TKernel>(TKernel kernel, TrainingSuccessSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress,
        Action<TrainingRun<float>>? finished, CancellationToken cancellation)
        where TKernel : struct, ITrainableNetwork<TKernel, float>
    {
        var a = kernel.Architecture;
        int m = RequiredNeurons(setup.Problem);
        if (a != ArchitectureFor(a.Width))
            throw new ArgumentException($"The kernel is for {a}; the experiment trains shallow 1 → [n] → 1 networks with biases.", nameof(kernel));
        if (a.Width < m)
            throw new ArgumentException($"Width {a.Width} is below the {m} active neurons {setup.Problem.Name} needs.", nameof(kernel));
        var training = setup.Problem.TrainingSet<float>(setup.Parallel.Seed);
        return ParallelTraining.Run(kernel, Initializer, training, setup.Training, setup.Parallel, runs, Classifier(setup), progress, finished, cancellation);
    }

    private sealed class Job(TrainingSuccessSetup setup, IProgress<int>? progress, CancellationToken cancellation) : ITrainingJob<TrainingSuccessReport>
    {
        public TrainingSuccessReport Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float> =>
            TrainingSuccessExperiment.Run(kernel, setup, progress, cancellation);
    }

    private sealed class SubsetJob(TrainingSuccessSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress, Action<TrainingRun<float>>? finished,
        CancellationToken cancellation) : ITrainingJob<TrainingBatch>
    {
        public TrainingBatch Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float> =>
            new(kernel.Description, Train(kernel, setup, runs, progress, finished, cancellation));
    }
}
