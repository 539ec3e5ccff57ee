using ReluKernels.Training;

namespace ReluKernels.Experiments.Training;

/// <summary>Some trainings of an experiment's batch and the kernel that ran them (reports name it).</summary>
/// <param name="Kernel">The kernel's description, e.g. <c>generated Narrow2x9 (Vector256)</c>.</param>
/// <param name="Runs">The trainings, in the order their indices were given.</param>
public sealed record TrainingBatch(string Kernel, IReadOnlyList<TrainingRun<float>> Runs);
