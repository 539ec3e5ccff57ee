using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.Conditioning;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>
/// Merges <c>train-depth.shard-k-of-n.json</c> files: checks each against its arguments (every (activation, depth) in report
/// order, every run of the shard once, losses not negative, a finite final loss unless diverged), puts the runs in index
/// order and summarises them as one unsharded run does, writing its outputs byte for byte.
/// </summary>
public sealed class TrainDepthShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => TrainDepthCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        var plan = shards[0].Config;
        var cells = Enumerable.Range(0, shards[0].Runs[0].Cells.Count)
            .Select(c => (IReadOnlyList<DepthTrainingRun>)[.. shards.SelectMany(s => s.Runs[0].Cells[c].Runs).OrderBy(r => r.Index).Select(r => r.ToRun())])
            .ToList();
        TrainDepthCommand.Write(plan, cells, new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    /// <summary>Reads and verifies one shard file (its one run is the whole payload).</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<TrainDepthPlan, TrainDepthShardPayload> Load(string path) =>
        PlannedStateFile.Load<TrainDepthShardPayload, TrainDepthPlan, TrainDepthShardPayload>(path, TrainDepthCommand.Name, TrainDepthCommand.PlanOf, Verify);

    private static (IReadOnlyList<TrainDepthShardPayload>, bool) Verify(TrainDepthPlan plan, Shard shard, TrainDepthShardPayload payload)
    {
        var expected = plan.Cells.ToList();
        if (payload.Cells.Count != expected.Count)
            throw new ArgumentException($"it holds {payload.Cells.Count} (activation, depth) cells; its arguments have {expected.Count}");
        bool complete = true;
        for (int c = 0; c < expected.Count; c++)
        {
            var (cell, (activation, depth)) = (payload.Cells[c], expected[c]);
            if (cell.Activation != activation.Name || cell.Depth != depth)
                throw new ArgumentException($"cell {c} is {cell.Activation} at depth {cell.Depth}; its arguments put {activation.Name} at depth {depth} there");
            string what = $"{cell.Activation} depth-{cell.Depth} run";
            complete &= ShardUnits.Verify(cell.Runs.Select(r => r.Index), plan.Settings.Runs, shard, what);
            foreach (var r in cell.Runs)
            {
                // NaN passes the first test: an initial network that overflowed is summarised as the unsharded run summarises it.
                if (r.InitialLoss < 0)
                    throw new ArgumentException($"{what} {r.Index} has a negative initial loss");
                if (r.FinalLoss is { } loss && !(loss >= 0 && double.IsFinite(loss)))
                    throw new ArgumentException($"{what} {r.Index} has a final loss that is negative or not finite but is not marked diverged");
            }
        }
        return ([payload], complete);
    }
}
