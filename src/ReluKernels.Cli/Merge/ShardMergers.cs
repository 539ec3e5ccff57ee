using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.InitCompare;
using ReluKernels.Cli.TrainCollapse;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Cli.TrainSuccess;

namespace ReluKernels.Cli.Merge;

/// <summary>The one list of commands whose shard files <c>relukernels merge</c> can merge; a command that shards adds its merger here.</summary>
public static class ShardMergers
{
    /// <summary>Every merger, one per command.</summary>
    public static IReadOnlyList<IShardMerger> All { get; } =
    [
        new CollapseShardMerger(),
        new TrainingShardMerger(TrainCollapseCommand.Name, TrainCollapseCommand.PlanOf),
        new TrainingShardMerger(TrainSuccessCommand.Name, TrainSuccessCommand.PlanOf),
        new TrainingShardMerger(InitCompareCommand.Name, InitCompareCommand.PlanOf),
    ];

    /// <summary>The merger of <paramref name="command"/>.</summary>
    /// <exception cref="UsageException">No command of that name shards.</exception>
    public static IShardMerger For(string command, string path) =>
        All.FirstOrDefault(m => m.Command == command)
        ?? throw new UsageException($"'{path}' holds results of '{command}', which merge does not know (known: {string.Join(", ", All.Select(m => m.Command))})");
}
