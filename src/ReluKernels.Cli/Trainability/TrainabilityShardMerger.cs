using ReluKernels.Cli.Merge;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>Merges <c>trainability.shard-k-of-n.json</c> files: per width, the sum of the shards' histograms.</summary>
public sealed class TrainabilityShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => TrainabilityRunConfig.Command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, TrainabilityStateFile.Load);
        var config = shards[0].Config;
        var totals = config.Widths.Select((n, i) =>
        {
            var total = new FirstLayerTally(n);
            foreach (var shard in shards)
                total.Add(shard.Runs[i].Tally);
            return total;
        }).ToList();
        TrainabilityOutput.Write(config, totals, output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards));
    }
}
