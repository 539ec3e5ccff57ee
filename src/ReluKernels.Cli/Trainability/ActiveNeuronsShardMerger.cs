using ReluKernels.Cli.Merge;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>Merges <c>active-neurons.shard-k-of-n.json</c> files: per scheme, the sum of the shards' counts.</summary>
public sealed class ActiveNeuronsShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => ActiveNeuronsRunConfig.Command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, ActiveNeuronsStateFile.Load);
        var config = shards[0].Config;
        var totals = config.Schemes.Select((_, i) =>
        {
            var total = new ActiveNeuronTally(config.Widths);
            foreach (var shard in shards)
                total.Add(shard.Runs[i].Tally);
            return total;
        }).ToList();
        ActiveNeuronsOutput.Write(config, totals, output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards));
    }
}
