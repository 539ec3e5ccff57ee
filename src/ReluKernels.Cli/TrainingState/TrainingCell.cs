using ReluKernels.Cli.Plots;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Cli.TrainingState;

/// <summary>
/// One batch of independent trainings of a training command (train-collapse has one; train-success one per target and width;
/// init-compare one per task and initialisation): how to train a subset of its runs and how to rebuild a stored run.
/// </summary>
/// <param name="Name">The cell's name in state files and messages, e.g. <c>f1 width 4</c>.</param>
/// <param name="Architecture">The network shape (stored parameter vectors must have its length).</param>
/// <param name="MaxEpochs">Epochs per training.</param>
/// <param name="Parallel">Seed, runs and history settings of the batch.</param>
/// <param name="Train">Trains the given run indices (progress, per-run callback, cancellation).</param>
/// <param name="Initializer">The batch's initializer (built on demand: the data-dependent one needs the data).</param>
/// <param name="Classifier">The batch's classifier (built on demand), or null when its runs are classified later.</param>
/// <param name="StoredParameterCount">Parameters per stored run; 0 for the plain architecture's (a layered kernel has more).</param>
/// <param name="Rebuild">Rebuilds a stored run (run, result, trained parameters, history); null for <see cref="ParallelTraining.Restore"/> with the initializer and classifier.</param>
public sealed record TrainingCell(
    string Name, NetworkArchitecture Architecture, int MaxEpochs, ParallelTrainingOptions Parallel,
    Func<IReadOnlyList<int>, IProgress<int>?, Action<TrainingRun<float>>, CancellationToken, TrainingBatch> Train,
    Func<IInitializer> Initializer, Func<OutcomeClassifier?> Classifier, int StoredParameterCount = 0,
    Func<int, TrainingResult, float[], LossHistory?, TrainingRun<float>>? Rebuild = null)
{
    /// <summary>The length of a stored run's parameter vector.</summary>
    public int ParameterCount => StoredParameterCount > 0 ? StoredParameterCount : Architecture.ParameterCount;

    /// <summary>The number of losses a run that ended as <paramref name="result"/> recorded, 0 when run <paramref name="run"/> keeps no history.</summary>
    public int HistoryLength(int run, TrainingResult result) =>
        !ParallelTraining.RecordsHistory(Parallel, run) ? 0 : (result.Diverged ? result.Epochs - 1 : result.Epochs) / Parallel.HistoryInterval;
}

/// <summary>Where and how a training command writes its results.</summary>
/// <param name="OutDirectory">The <c>--out</c> directory.</param>
/// <param name="Format">What standard output carries.</param>
/// <param name="Figures">How plots are written; null when they are skipped (<c>--no-plot</c>).</param>
/// <param name="Inputs">The shard files a merged result was made from, or null.</param>
public sealed record TrainingOutput(string OutDirectory, Output.OutputFormat Format, FigureFiles? Figures, IReadOnlyList<Output.ProvenanceInput>? Inputs);

/// <summary>
/// A training command's work, independent of where its runs are trained: the command, the canonical arguments its results
/// depend on (<see cref="State.StateArguments"/>), its cells, and how to write the results of every cell's runs in run order.
/// </summary>
/// <param name="Command">The command's name.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line for <paramref name="Command"/> (merge re-parses it).</param>
/// <param name="Cells">The cells, in output order.</param>
/// <param name="Write">Writes every output from each cell's batch (all runs, in run order).</param>
public sealed record TrainingPlan(string Command, IReadOnlyDictionary<string, string> Arguments, IReadOnlyList<TrainingCell> Cells,
    Action<IReadOnlyList<TrainingBatch>, TrainingOutput> Write);
