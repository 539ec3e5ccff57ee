using ReluKernels.Cli.Merge;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Collapse;

/// <summary>Merges <c>collapse.shard-k-of-n.json</c> files: per width, the sum of the shards' counts.</summary>
public sealed class CollapseShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => CollapseRunConfig.Command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, CollapseStateFile.Load<CollapseRunConfig>);
        CollapseOutput.Write(CollapseOutput.Reports(Sum(shards.Select(s => s.Runs).ToList()), shards[0].Config.Depths),
            output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards));
    }

    /// <summary>The runs of the whole run: per width, the sum of the shards' counts.</summary>
    public static IReadOnlyList<CollapseRun> Sum(IReadOnlyList<IReadOnlyList<CollapseRun>> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return [.. shards[0].Select((template, i) =>
        {
            var total = new CollapseTally(template.Experiment.Depth);
            foreach (var shard in shards)
                total.Add(shard[i].Tally);
            return new CollapseRun(template.Experiment, template.Engine, total, 0, Complete: true);
        })];
    }
}
