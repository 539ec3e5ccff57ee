namespace ReluKernels.Cli.Merge;

/// <summary>Every command whose shard files <c>relukernels merge</c> can merge: one entry per command.</summary>
public static class ShardMergers
{
    /// <summary>The registered mergers.</summary>
    public static IReadOnlyList<IShardMerger> All { get; } =
    [
        new Collapse.CollapseShardMerger(),
        new SafeDepth.SafeDepthShardMerger(),
        new Trainability.TrainabilityShardMerger(),
        new Trainability.ActiveNeuronsShardMerger(),
    ];
}
