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
        new TrainingState.TrainingShardMerger(TrainCollapse.TrainCollapseCommand.Name, TrainCollapse.TrainCollapseCommand.PlanOf),
        new TrainingState.TrainingShardMerger(TrainRemedies.TrainRemediesCommand.Name, TrainRemedies.TrainRemediesCommand.PlanOf),
        new TrainingState.TrainingShardMerger(TrainSuccess.TrainSuccessCommand.Name, TrainSuccess.TrainSuccessCommand.PlanOf),
        new TrainingState.TrainingShardMerger(InitCompare.InitCompareCommand.Name, InitCompare.InitCompareCommand.PlanOf),
        new Compositional.CompositionalShardMerger(),
        new Compositional.CompositionalRegionsShardMerger(),
        new Degeneracy.DegeneracyShardMerger(),
        new Conditioning.ConditioningShardMerger(),
        new LengthMap.LengthMapShardMerger(),
        new TrainDepth.TrainDepthShardMerger(),
        new Figures.FiguresShardMerger(),
    ];
}
