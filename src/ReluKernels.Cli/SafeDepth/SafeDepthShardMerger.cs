using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Merge;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>Merges <c>safe-depth.shard-k-of-n.json</c> files: per width, the sum of the shards' collapse counts.</summary>
public sealed class SafeDepthShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => SafeDepthRunConfig.Command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, CollapseStateFile.Load<SafeDepthRunConfig>);
        SafeDepthOutput.Write(CollapseShardMerger.Sum(shards.Select(s => s.Runs).ToList()), shards[0].Config, output.OutDirectory, output.Format, output.Figures,
            MergeOutput.Inputs(shards));
    }
}
