using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// Merges <c>length-map.shard-k-of-n.json</c> files: checks each against its arguments (every (activation, initialiser) in
/// table order, every network of the shard once, each with L lengths, none negative), puts the networks in index order and
/// summarises them as one unsharded run does, writing its outputs byte for byte.
/// </summary>
public sealed class LengthMapShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => LengthMapCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        var plan = shards[0].Config;
        var runs = Enumerable.Range(0, plan.Activations.Count * plan.Inits.Count)
            .Select(j => (IReadOnlyList<ReluKernels.LengthMap.NetworkLengths>)[.. shards.SelectMany(s => s.Runs[0].Runs[j].Networks).OrderBy(x => x.Index).Select(x => x.ToNetwork())])
            .ToList();
        LengthMapCommand.Write(plan, runs, new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    /// <summary>Reads and verifies one shard file (its one run is the whole payload).</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<LengthMapPlan, LengthMapShardPayload> Load(string path) =>
        PlannedStateFile.Load<LengthMapShardPayload, LengthMapPlan, LengthMapShardPayload>(path, LengthMapCommand.Name, LengthMapCommand.PlanOf, Verify);

    private static (IReadOnlyList<LengthMapShardPayload>, bool) Verify(LengthMapPlan plan, Shard shard, LengthMapShardPayload payload)
    {
        var expected = plan.Runs.ToList();
        if (payload.Runs.Count != expected.Count)
            throw new ArgumentException($"it holds {payload.Runs.Count} (activation, initialiser) runs; its arguments have {expected.Count}");
        bool complete = true;
        for (int j = 0; j < expected.Count; j++)
        {
            var (run, (φ, init)) = (payload.Runs[j], expected[j]);
            if (run.Activation != φ.ToString() || run.Init != init)
                throw new ArgumentException($"run {j} is {run.Activation} under {run.Init}; its arguments put {φ} under {init} there");
            string what = $"{run.Activation} {run.Init} network";
            complete &= ShardUnits.Verify(run.Networks.Select(x => x.Index), plan.Settings.Trials, shard, what);
            foreach (var x in run.Networks)
            {
                if (x.Lengths.Length != plan.Settings.Depth)
                    throw new ArgumentException($"{what} {x.Index} holds {x.Lengths.Length} lengths, not {plan.Settings.Depth}");
                // q^l is a mean of squares: never negative, +∞ or NaN only once a network's lengths overflow.
                if (Array.FindIndex(x.Lengths, q => q < 0) is int l and >= 0)
                    throw new ArgumentException($"{what} {x.Index} has a negative length at layer {l + 1}");
            }
        }
        return ([payload], complete);
    }
}
