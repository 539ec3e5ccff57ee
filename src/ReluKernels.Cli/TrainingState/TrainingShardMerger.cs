using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainingState;

/// <summary>
/// Merges the shard files of a training command: checks that they are the shards 0..n−1 of one run (same arguments, each
/// once, each complete, same kernel per cell), puts every cell's runs in run order and writes the outputs of one
/// unsharded run, byte for byte.
/// </summary>
/// <param name="command">The command whose shard files this merges.</param>
/// <param name="planOf">The plan of a set of canonical arguments, or null when they are not a valid command line.</param>
public sealed class TrainingShardMerger(string command, Func<IReadOnlyDictionary<string, string>, TrainingPlan?> planOf) : Merge.IShardMerger
{
    /// <inheritdoc/>
    public string Command => command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, string outDirectory, OutputFormat format, bool noPlot)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loaded = paths.Select(p => TrainingStateFile.Load(p, command, planOf)).ToList();
        var (first, plan) = loaded[0];
        var seen = new Dictionary<int, string>();
        foreach (var (shard, _) in loaded)
        {
            var (theirs, ours) = StateArguments.Differences(shard.Arguments, first.Arguments);
            if (theirs.Length > 0)
                throw new UsageException($"'{shard.Path}' was made with {theirs}; '{first.Path}' with {ours}");
            if (shard.Shard.Count != first.Shard.Count)
                throw new UsageException($"'{shard.Path}' is shard {shard.Shard}; '{first.Path}' is one of {first.Shard.Count}");
            if (!shard.IsComplete(plan))
                throw new UsageException($"'{shard.Path}' holds an unfinished shard; finish it before merging");
            if (!seen.TryAdd(shard.Shard.Index, shard.Path))
                throw new UsageException($"'{shard.Path}' repeats shard {shard.Shard} (also in '{seen[shard.Shard.Index]}')");
            foreach (var (cell, c) in shard.Cells.Select((cell, c) => (cell, c)))
                if (cell.Runs.Count > 0 && loaded.Select(l => l.State.Cells[c]).FirstOrDefault(o => o.Runs.Count > 0) is { } other && other.Kernel != cell.Kernel)
                    throw new UsageException($"'{shard.Path}' ran '{cell.Cell}' on {cell.Kernel}, another shard on {other.Kernel}: results of different kernels do not merge");
        }
        var missing = Enumerable.Range(0, first.Shard.Count).Where(k => !seen.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"shards {string.Join(", ", missing)} of 0..{first.Shard.Count - 1} are missing (given: {string.Join(", ", paths.Select(p => $"'{p}'"))})");

        var batches = plan.Cells.Select((cell, c) =>
        {
            var states = loaded.SelectMany(l => l.State.Cells[c].Runs).OrderBy(r => r.Run).ToList();
            string kernel = loaded.Select(l => l.State.Cells[c]).FirstOrDefault(s => s.Runs.Count > 0)?.Kernel
                ?? loaded.Select(l => l.State.Cells[c].Kernel).First(k => k.Length > 0);
            return new TrainingBatch(kernel, TrainingStateFile.Restore(cell, states));
        }).ToList();
        var inputs = loaded.Select(l => new ProvenanceInput(l.State.Path, ProvenanceSidecar.Sha256Of(l.State.Path), l.State.Provenance)).ToList();
        plan.Write(batches, new TrainingOutput(outDirectory, format, noPlot, inputs));
    }
}
