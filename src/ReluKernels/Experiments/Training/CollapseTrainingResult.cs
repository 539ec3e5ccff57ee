using ReluKernels.Training;

namespace ReluKernels.Experiments.Training;

/// <summary>A finished <see cref="CollapseTrainingExperiment"/>: what was run, the summary and the trainings themselves (for plots).</summary>
/// <param name="Setup">What was run.</param>
/// <param name="Report">Counts, fractions and per-run rows.</param>
/// <param name="Runs">Every training with its parameters and loss history, in run order.</param>
public sealed record CollapseTrainingResult(CollapseTrainingSetup Setup, CollapseTrainingReport Report, IReadOnlyList<TrainingRun<float>> Runs);
