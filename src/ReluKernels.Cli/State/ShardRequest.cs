using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>What a command whose units shard (<see cref="ShardUnits"/>) is asked to do beyond its plan.</summary>
/// <param name="Shard">The shard to run.</param>
/// <param name="Output">Where the results go (<see cref="TrainingState.TrainingOutput.Inputs"/> set by a merge).</param>
public sealed record ShardRequest(Shard Shard, TrainingState.TrainingOutput Output);
