using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Training;

/// <summary>What a <see cref="CollapseTrainingExperiment"/> runs: the problem, the network, the training rules and the batch of runs.</summary>
public sealed record CollapseTrainingSetup
{
    /// <summary>The target, its domain and its samplings.</summary>
    public required TargetProblem Problem { get; init; }

    /// <summary>The network (<see cref="CollapseTrainingExperiment.ArchitectureFor"/> gives Lu et al.'s); its dimensions must match the problem's.</summary>
    public required NetworkArchitecture Architecture { get; init; }

    /// <summary>Loss, optimiser, batch size and epochs.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Seed, runs, threads and loss history.</summary>
    public required ParallelTrainingOptions Parallel { get; init; }
}
