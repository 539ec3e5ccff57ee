using ReluKernels.Cli.Merge;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainingState;

/// <summary>
/// Merges the shard files of a training command: checks that they are the shards 0..n−1 of one run (<see cref="ShardSet"/>)
/// whose cells each ran on one kernel, puts every cell's runs in run order and writes the outputs of one
/// unsharded run, byte for byte.
/// </summary>
/// <param name="command">The command whose shard files this merges.</param>
/// <param name="planOf">The plan of a set of canonical arguments, or null when they are not a valid command line.</param>
public sealed class TrainingShardMerger(string command, Func<IReadOnlyDictionary<string, string>, TrainingPlan?> planOf) : IShardMerger
{
    /// <inheritdoc/>
    public string Command => command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, p => TrainingStateFile.Load(p, command, planOf));
        var plan = shards[0].Config;
        for (int c = 0; c < plan.Cells.Count; c++)
        {
            var ran = shards.Where(s => s.Runs[c].Runs.Count > 0).ToList();
            foreach (var shard in ran.Where(s => s.Runs[c].Kernel != ran[0].Runs[c].Kernel).Take(1))
                throw new UsageException($"'{shard.Path}' ran '{plan.Cells[c].Name}' on {shard.Runs[c].Kernel}, '{ran[0].Path}' on {ran[0].Runs[c].Kernel}: "
                    + "results of different kernels do not merge");
        }
        var batches = plan.Cells.Select((cell, c) =>
        {
            var states = shards.SelectMany(s => s.Runs[c].Runs).OrderBy(r => r.Run).ToList();
            // A shard with no runs of the cell still trained it (on nothing), so some shard names the kernel.
            string kernel = shards.Select(s => s.Runs[c]).FirstOrDefault(s => s.Runs.Count > 0)?.Kernel ?? shards.Select(s => s.Runs[c].Kernel).First(k => k.Length > 0);
            return new TrainingBatch(kernel, TrainingStateFile.Restore(cell, states));
        }).ToList();
        plan.Write(batches, new TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }
}
