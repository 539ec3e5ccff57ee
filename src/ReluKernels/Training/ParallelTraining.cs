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
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(parallel);
        var architecture = kernel.Architecture;
        if (architecture.Width == 0)
            throw new ArgumentException("The kernel is default-initialised; construct it with its shape.", nameof(kernel));
        if (data.InputDim != architecture.InputDim || data.OutputDim != architecture.OutputDim)
            throw new ArgumentException(
                $"The data set has {data.InputDim}-D inputs and {data.OutputDim}-D targets; the network {architecture} needs {architecture.InputDim} and {architecture.OutputDim}.",
                nameof(data));

        var runs = new TrainingRun<T>[parallel.Runs];
        int finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel.EffectiveThreads, CancellationToken = cancellation };
        Parallel.For(0, parallel.Runs, options, () => new Trainer<TKernel, T>(kernel.Fork(), training, data.Count), (r, _, trainer) =>
        {
            var rng = new CounterRng(parallel.Seed, (ulong)r);
            var initial = new T[architecture.ParameterCount];
            Initialize(initializer, architecture, initial, ref rng);
            var parameters = (T[])initial.Clone();
            var history = parallel.HistoryInterval > 0 ? new LossHistory(parallel.HistoryInterval, training.MaxEpochs) : null;
            var shuffle = new CounterRng(parallel.Seed, (ulong)r, ShufflePosition);
            var result = trainer.Train(parameters, data, ref shuffle, history);
            var outcome = classifier?.Classify<T>(architecture, parameters, result.Diverged);
            var initialOutcome = classifier?.Classify<T>(architecture, initial);
            runs[r] = new TrainingRun<T>(r, result, initial, parameters, history, outcome, initialOutcome);
            progress?.Report(Interlocked.Increment(ref finished));
            return trainer;
        }, _ => { });
        return runs;
    }

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
