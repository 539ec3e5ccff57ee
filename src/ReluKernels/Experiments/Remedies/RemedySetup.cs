using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Remedies;

/// <summary>What a <see cref="RemedyExperiment"/> runs: one problem, one plain ReLU network, one training budget, and the remedies to apply to it.</summary>
public sealed record RemedySetup
{
    /// <summary>The target, its domain and its samplings.</summary>
    public required TargetProblem Problem { get; init; }

    /// <summary>The plain ReLU network every remedy starts from; its dimensions must match the problem's.</summary>
    public required NetworkArchitecture Architecture { get; init; }

    /// <summary>Loss, optimiser, batch size and epochs, the same for every remedy.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Seed, runs per remedy, threads and loss history; run r of every remedy uses the stream (seed, r).</summary>
    public required ParallelTrainingOptions Parallel { get; init; }

    /// <summary>The remedies, in report order.</summary>
    public required IReadOnlyList<Remedy> Remedies { get; init; }

    /// <summary>The dropout rate of <see cref="Remedy.Dropout"/>, in [0, 1).</summary>
    public double DropoutRate { get; init; } = RemedyDefaults.DropoutRate;
}
