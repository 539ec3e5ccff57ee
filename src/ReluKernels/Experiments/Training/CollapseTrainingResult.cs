using ReluKernels.Training;

namespace ReluKernels.Experiments;

/// <summary>A finished <see cref="CollapseTrainingExperiment"/>: the summary, the trainings themselves (for plots) and the training set.</summary>
/// <param name="Setup">What was run.</param>
/// <param name="Report">Counts, fractions and per-run rows.</param>
/// <param name="Runs">Every training with its parameters and loss history, in run order.</param>
/// <param name="TrainingSet">The data the networks were trained on.</param>
public sealed record CollapseTrainingResult(CollapseTrainingSetup Setup, CollapseTrainingReport Report, IReadOnlyList<TrainingRun<float>> Runs, Dataset<float> TrainingSet);
