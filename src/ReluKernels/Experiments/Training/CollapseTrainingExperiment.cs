using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// Lu et al.'s training experiment (Lu et al., Sec. 2, Figs. 1–5): many independent trainings of a deep, narrow ReLU network
/// with He-normal weights and zero biases on one target, each classified as collapsed (to the mean or the median),
/// partially collapsed, successful, failed or diverged, and each initial network checked for being born dead.
/// </summary>
/// <remarks>
/// <para><b>The network.</b> Lu et al.'s "10-layer ReLU network with width 2" counts the affine output layer (its Sec. 3:
/// layers 1..L−1 apply ReLU, layer L is linear), so it is <c>depth = 9</c> hidden layers here (docs/definitions.md):
/// 1 → [2 × 9] → 1 for the 1-D targets and 2 → [4 × 9] → 2 for [|x₁+x₂|, |x₁−x₂|] (its Fig. 4: width 4).</para>
/// <para><b>Initialisation.</b> "The biases are initialized to 0, and the weights are randomly initialized from a
/// symmetric distribution": He normal, W ~ N(0, 2/fan_in), b = 0 (the biases still train).</para>
/// </remarks>
public static class CollapseTrainingExperiment
{
    /// <summary>Hidden layers of Lu et al.'s "10-layer" network.</summary>
    public const int Depth = 9;

    /// <summary>The initialisation, He normal with zero (trainable) biases.</summary>
    public static IInitializer Initializer => NormalInitializer.HeWithoutBias;

    /// <summary>How <see cref="Initializer"/> is described in reports.</summary>
    public const string InitializerDescription = "He normal, W ~ N(0, 2/fan_in), b = 0 (Lu et al. 2019: zero biases, symmetric weights)";

    /// <summary>Lu et al.'s network for <paramref name="problem"/>: width 2 for 1-D input, width 4 otherwise (Fig. 4), <see cref="Depth"/> hidden layers.</summary>
    public static NetworkArchitecture ArchitectureFor(TargetProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var target = problem.Target;
        return new NetworkArchitecture(target.InputDim == 1 ? 2 : 4, Depth, target.InputDim, target.OutputDim);
    }

    /// <summary>
    /// Runs the trainings on the kernel of <see cref="CollapseTrainingSetup.Architecture"/> — a generated one for Lu et al.'s
    /// networks, else the generic kernel (the report's <see cref="CollapseTrainingReport.Kernel"/> says which ran) — and
    /// classifies every initial and trained network.
    /// </summary>
    /// <param name="setup">What to run.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The setup's network does not fit the problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static CollapseTrainingResult Run(CollapseTrainingSetup setup, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return TrainingKernels.Run(setup.Architecture, new Job(setup, progress, cancellation));
    }

    /// <summary>Runs the trainings on <paramref name="kernel"/> and classifies every initial and trained network.</summary>
    /// <param name="kernel">A kernel of <see cref="CollapseTrainingSetup.Architecture"/>.</param>
    /// <param name="setup">What to run.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The kernel's shape is not the setup's, or does not fit the problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static CollapseTrainingResult Run<TKernel>(TKernel kernel, CollapseTrainingSetup setup, IProgress<int>? progress = null,
        CancellationToken cancellation = default)
        where TKernel : struct, ITrainableNetwork<TKernel, float>
    {
        ArgumentNullException.ThrowIfNull(setup);
        var runs = Train(kernel, setup, [.. Enumerable.Range(0, setup.Parallel.Runs)], progress, null, cancellation);
        return Result(setup, kernel.Description, runs);
    }

    /// <summary>
    /// Runs the trainings <paramref name="runs"/> of the batch (e.g. one shard's) on the setup's kernel, classified; a report
    /// of the whole batch is <see cref="Result"/> of all of them in run order, wherever they ran.
    /// </summary>
    /// <param name="setup">What to run.</param>
    /// <param name="runs">Run indices, strictly increasing, in 0..Runs − 1.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="finished">Given each finished training (from a worker thread), or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The setup's network does not fit the problem, or the indices are not as required.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingBatch Train(CollapseTrainingSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress = null,
        Action<TrainingRun<float>>? finished = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return TrainingKernels.Run(setup.Architecture, new SubsetJob(setup, runs, progress, finished, cancellation));
    }

    /// <summary>The classifier of <paramref name="setup"/>'s runs (what <see cref="ParallelTraining.Restore"/> needs to rebuild a stored run).</summary>
    public static OutcomeClassifier Classifier(CollapseTrainingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return OutcomeClassifier.Create(setup.Problem.TrainingSet<float>(setup.Parallel.Seed), setup.Problem.TestSet<float>(setup.Parallel.Seed), setup.Problem.Radius);
    }

    /// <summary>The report of the whole batch from its classified trainings, in run order 0..Runs − 1.</summary>
    /// <param name="setup">What was run.</param>
    /// <param name="kernel">The kernel's description.</param>
    /// <param name="runs">Every training of the batch, classified, in run order.</param>
    public static CollapseTrainingResult Result(CollapseTrainingSetup setup, string kernel, IReadOnlyList<TrainingRun<float>> runs)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(runs);
        var training = setup.Problem.TrainingSet<float>(setup.Parallel.Seed);
        var classifier = Classifier(setup);
        bool[] bornDead = [.. runs.Select(run => run.InitialOutcome!.Kind == OutcomeKind.Collapsed)];
        var report = CollapseTrainingReport.From(setup, kernel, runs, bornDead, classifier, training.Description);
        return new CollapseTrainingResult(setup, report, runs);
    }

    private static TrainingRun<float>[] Train<TKernel>(TKernel kernel, CollapseTrainingSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress,
        Action<TrainingRun<float>>? finished, CancellationToken cancellation)
        where TKernel : struct, ITrainableNetwork<TKernel, float>
    {
        if (kernel.Architecture != setup.Architecture)
            throw new ArgumentException($"The kernel is for {kernel.Architecture}, the setup for {setup.Architecture}.", nameof(kernel));
        var training = setup.Problem.TrainingSet<float>(setup.Parallel.Seed);
        return ParallelTraining.Run(kernel, Initializer, training, setup.Training, setup.Parallel, runs, Classifier(setup), progress, finished, cancellation);
    }

    private sealed class Job(CollapseTrainingSetup setup, IProgress<int>? progress, CancellationToken cancellation) : ITrainingJob<CollapseTrainingResult>
    {
        public CollapseTrainingResult Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float> =>
            CollapseTrainingExperiment.Run(kernel, setup, progress, cancellation);
    }

    private sealed class SubsetJob(CollapseTrainingSetup setup, IReadOnlyList<int> runs, IProgress<int>? progress, Action<TrainingRun<float>>? finished,
        CancellationToken cancellation) : ITrainingJob<TrainingBatch>
    {
        public TrainingBatch Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float> =>
            new(kernel.Description, Train(kernel, setup, runs, progress, finished, cancellation));
    }
}
