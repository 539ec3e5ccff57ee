using ReluKernels.Training;

namespace ReluKernels.Experiments.Training;

/// <summary>A finished <see cref="InitComparisonExperiment"/> on one task.</summary>
/// <param name="Task">The task.</param>
/// <param name="Reports">One report per initialisation, in <see cref="InitComparisonExperiment.InitializerNames"/> order.</param>
/// <param name="Runs">The trainings of each initialisation (same order), for plots.</param>
public sealed record InitComparisonResult(InitComparisonTask Task, IReadOnlyList<InitComparisonReport> Reports,
    IReadOnlyList<TrainingRun<float>[]> Runs);
