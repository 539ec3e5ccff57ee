using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Training;

/// <summary>What one width of a <see cref="TrainingSuccessExperiment"/> runs: the problem, the training rules and the batch of runs (the width is the kernel's).</summary>
public sealed record TrainingSuccessSetup
{
    /// <summary>f₁ or f₂ of Shin &amp; Karniadakis 2020, §5.1.</summary>
    public required TargetProblem Problem { get; init; }

    /// <summary>Loss, optimiser, batch size and epochs.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Seed, runs and threads.</summary>
    public required ParallelTrainingOptions Parallel { get; init; }
}
