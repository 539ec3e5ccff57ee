using System.Numerics;
using System.Runtime.InteropServices;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Training;

/// <summary>
/// Trains many independent networks over all cores, reproducibly: run r initialises its parameters from
/// <c>CounterRng(seed, r)</c> at position 0 and orders its mini-batches from the same stream at
/// <see cref="ShufflePosition"/>, so its result depends only on (seed, r), the data, the options and the kernel's ISA
/// path — never on the thread count or on which thread ran it. Results come back in run order.
/// </summary>
/// <remarks>
/// Each worker thread owns a <see cref="Trainer{TKernel, T}"/> (with a forked kernel) and reuses it across its runs; the
/// trainer resets the optimiser at the start of every run. A diverging run is recorded as
/// <see cref="TrainingStatus.Diverged"/> (and <see cref="OutcomeKind.Diverged"/>) and the batch goes on. Cancellation
/// stops the batch with <see cref="OperationCanceledException"/>.
/// </remarks>
public static class ParallelTraining
{
    /// <summary>Where in its stream a run's shuffling starts (2^62 words in), far beyond what any initialiser draws.</summary>
    public const ulong ShufflePosition = 1UL << 62;

    /// <summary>Runs <see cref="ParallelTrainingOptions.Runs"/> trainings and returns them in run order.</summary>
    /// <param name="kernel">The network kernel; each worker uses its own <see cref="ITrainableNetwork{TSelf, T}.Fork"/>.</param>
    /// <param name="initializer">Draws each run's initial parameters.</param>
    /// <param name="data">The training set, shared by every run.</param>
    /// <param name="training">Loss, optimiser, batching and stopping rules.</param>
    /// <param name="parallel">Seed, number of runs, threads and loss history.</param>
    /// <param name="classifier">Classifies each initial and each trained network (inside the parallel loop), or null.</param>
    /// <param name="progress">Told the number of finished runs after each run, or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The data do not fit the kernel's shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingRun<T>[] Run<TKernel, T>(TKernel kernel, IInitializer initializer, Dataset<T> data, TrainingOptions training,
        ParallelTrainingOptions parallel, OutcomeClassifier? classifier = null, IProgress<int>? progress = null,
        CancellationToken cancellation = default)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parallel);
        return Run(kernel, initializer, data, training, parallel, AllRuns(parallel.Runs), classifier, progress, null, cancellation);
    }

    /// <summary>
    /// Runs the trainings <paramref name="runs"/> of the batch — a subset of 0..<see cref="ParallelTrainingOptions.Runs"/> − 1,
    /// e.g. one shard's — and returns them in the order given. Run r is the same training as in the whole batch, so runs
    /// gathered from several subsets, put in run order, are exactly the whole batch's.
    /// </summary>
    /// <param name="kernel">The network kernel; each worker uses its own <see cref="ITrainableNetwork{TSelf, T}.Fork"/>.</param>
    /// <param name="initializer">Draws each run's initial parameters.</param>
    /// <param name="data">The training set, shared by every run.</param>
    /// <param name="training">Loss, optimiser, batching and stopping rules.</param>
    /// <param name="parallel">Seed, number of runs, threads and loss history.</param>
    /// <param name="runs">The run indices, strictly increasing, each in 0..Runs − 1.</param>
    /// <param name="classifier">Classifies each initial and each trained network (inside the parallel loop), or null.</param>
    /// <param name="progress">Told the number of finished runs after each run, or null.</param>
    /// <param name="finished">Given each finished run as soon as it finishes (from a worker thread, so it must be thread-safe), or null.</param>
    /// <param name="cancellation">Stops the batch; runs already given to <paramref name="finished"/> stay valid.</param>
    /// <exception cref="ArgumentException">The data do not fit the kernel's shape, or the run indices are not as required.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingRun<T>[] Run<TKernel, T>(TKernel kernel, IInitializer initializer, Dataset<T> data, TrainingOptions training,
        ParallelTrainingOptions parallel, IReadOnlyList<int> runs, OutcomeClassifier? classifier, IProgress<int>? progress,
        Action<TrainingRun<T>>? finished, CancellationToken cancellation)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(parallel);
        ArgumentNullException.ThrowIfNull(runs);
        var architecture = kernel.Architecture;
        if (architecture.Width == 0)
            throw new ArgumentException("The kernel is default-initialised; construct it with its shape.", nameof(kernel));
        if (data.InputDim != architecture.InputDim || data.OutputDim != architecture.OutputDim)
            throw new ArgumentException(
                $"The data set has {data.InputDim}-D inputs and {data.OutputDim}-D targets; the network {architecture} needs {architecture.InputDim} and {architecture.OutputDim}.",
                nameof(data));
        // The classifier evaluates the plain network: it cannot see normalisation layers.
        if (classifier is not null && kernel.ParameterCount != architecture.ParameterCount)
            throw new ArgumentException($"The classifier evaluates plain networks; the kernel ({kernel.Description}) has layers of its own.", nameof(classifier));
        for (int i = 0; i < runs.Count; i++)
            if (runs[i] < 0 || runs[i] >= parallel.Runs || (i > 0 && runs[i] <= runs[i - 1]))
                throw new ArgumentException($"Run indices must increase strictly within 0..{parallel.Runs - 1}; entry {i} is {runs[i]}.", nameof(runs));

        var results = new TrainingRun<T>[runs.Count];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel.EffectiveThreads, CancellationToken = cancellation };
        Parallel.For(0, runs.Count, options, () => new Trainer<TKernel, T>(kernel.Fork(), training, data.Count), (i, _, trainer) =>
        {
            int r = runs[i];
            var initial = Draw<TKernel, T>(kernel, initializer, parallel.Seed, r);
            var parameters = (T[])initial.Clone();
            var history = RecordsHistory(parallel, r) ? new LossHistory(parallel.HistoryInterval, training.MaxEpochs) : null;
            var shuffle = new CounterRng(parallel.Seed, (ulong)r, ShufflePosition);
            var result = trainer.Train(parameters, data, ref shuffle, history);
            results[i] = Complete(architecture, r, result, initial, parameters, history, classifier);
            finished?.Invoke(results[i]);
            progress?.Report(Interlocked.Increment(ref done));
            return trainer;
        }, _ => { });
        return results;
    }

    /// <summary>
    /// Rebuilds run <paramref name="run"/> of a batch from what a stored copy of it keeps — its result, trained parameters and
    /// loss history: the initial parameters are drawn again from (seed, run) and both networks classified again, which gives
    /// exactly the <see cref="TrainingRun{T}"/> the batch returned (both are pure functions of those inputs).
    /// </summary>
    /// <param name="architecture">The network shape.</param>
    /// <param name="initializer">The batch's initializer.</param>
    /// <param name="seed">The batch's seed.</param>
    /// <param name="run">The run index r.</param>
    /// <param name="result">How the training ended.</param>
    /// <param name="finalParameters">The trained parameters.</param>
    /// <param name="history">The loss history, or null.</param>
    /// <param name="classifier">The batch's classifier, or null.</param>
    /// <exception cref="ArgumentException">The parameter vector's length is not the architecture's.</exception>
    public static TrainingRun<T> Restore<T>(NetworkArchitecture architecture, IInitializer initializer, ulong seed, int run, TrainingResult result,
        T[] finalParameters, LossHistory? history, OutcomeClassifier? classifier)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(finalParameters);
        if (finalParameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"Run {run} has {finalParameters.Length} parameters; {architecture} has {architecture.ParameterCount}.", nameof(finalParameters));
        return Complete(architecture, run, result, Draw<GenericKernel<T>, T>(new GenericKernel<T>(architecture), initializer, seed, run), finalParameters, history, classifier);
    }

    /// <summary>
    /// Rebuilds run <paramref name="run"/> of a batch trained on <paramref name="kernel"/> — e.g. a layered kernel, whose
    /// parameter vector carries more than the plain network's — from its result, trained parameters and loss history: the
    /// initial parameters are drawn again from (seed, run) and completed by the kernel. Unclassified (the plain classifier
    /// cannot evaluate layers).
    /// </summary>
    /// <exception cref="ArgumentException">The parameter vector's length is not the kernel's.</exception>
    public static TrainingRun<T> RestoreOn<TKernel, T>(TKernel kernel, IInitializer initializer, ulong seed, int run, TrainingResult result,
        T[] finalParameters, LossHistory? history)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(finalParameters);
        if (finalParameters.Length != kernel.ParameterCount)
            throw new ArgumentException($"Run {run} has {finalParameters.Length} parameters; {kernel.Description} has {kernel.ParameterCount}.", nameof(finalParameters));
        return Complete(kernel.Architecture, run, result, Draw<TKernel, T>(kernel, initializer, seed, run), finalParameters, history, null);
    }

    /// <summary>Whether run <paramref name="run"/> records a loss history under <paramref name="parallel"/>.</summary>
    public static bool RecordsHistory(ParallelTrainingOptions parallel, int run)
    {
        ArgumentNullException.ThrowIfNull(parallel);
        return parallel.HistoryInterval > 0 && run < parallel.HistoryRuns;
    }

    /// <summary>Run <paramref name="run"/>'s initial parameters: the initializer's draw from <c>CounterRng(seed, run)</c>, then the kernel's own.</summary>
    private static T[] Draw<TKernel, T>(TKernel kernel, IInitializer initializer, ulong seed, int run)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new CounterRng(seed, (ulong)run);
        var parameters = new T[kernel.ParameterCount];
        Initialize(initializer, kernel.Architecture, parameters.AsSpan(0, kernel.Architecture.ParameterCount), ref rng);
        kernel.CompleteInitialization(parameters);
        return parameters;
    }

    private static TrainingRun<T> Complete<T>(NetworkArchitecture architecture, int run, TrainingResult result,
        T[] initial, T[] parameters, LossHistory? history, OutcomeClassifier? classifier)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var outcome = classifier?.Classify<T>(architecture, parameters, result.Diverged);
        var initialOutcome = classifier?.Classify<T>(architecture, initial);
        return new TrainingRun<T>(run, result, initial, parameters, history, outcome, initialOutcome);
    }

    private static int[] AllRuns(int count) => [.. Enumerable.Range(0, count)];

    /// <summary>Draws one network into <paramref name="parameters"/> with the initializer's overload for <typeparamref name="T"/>.</summary>
    internal static void Initialize<T>(IInitializer initializer, NetworkArchitecture architecture, Span<T> parameters, ref CounterRng rng)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            initializer.Initialize(architecture, MemoryMarshal.Cast<T, float>(parameters), ref rng);
        else if (typeof(T) == typeof(double))
            initializer.Initialize(architecture, MemoryMarshal.Cast<T, double>(parameters), ref rng);
        else
            throw new NotSupportedException($"Initializers fill float or double parameters, not {typeof(T).Name}.");
    }
}
