using System.CommandLine;
using ReluKernels.Cli.Merge;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// <c>relukernels merge</c>: combines the shard files of one sharded run into its full result, with the merger of the
/// files' command (<see cref="ShardMergers"/>). For <c>collapse</c> it sums the counts: they are integers and shards cover
/// disjoint blocks, so the merged counts equal those of one unsharded run exactly.
/// </summary>
public static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "The {command}.shard-k-of-n.json files of every shard k = 0..n-1.", Arity = ArgumentArity.OneOrMore };
        // System.CommandLine hands an unknown option after the files (merge a.json --seed 3) to this argument as a file name.
        files.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')).Take(1))
                r.AddError($"merge: option '{token.Value}' is not recognised (merge takes files, --out, --format and --no-plot)");
        });
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("merge", "Combine the shard files of a sharded run (collapse, train-collapse, train-success, init-compare) into its full result.") { files, output, format, noPlot };
        command.SetAction(r =>
        {
            var paths = r.GetValue(files)!;
            ShardMergers.For(StateFile.CommandOf(paths[0]), paths[0]).Merge(paths, r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Loads and verifies every shard file, and checks that together they are exactly the shards 0..n−1 of one finished run:
    /// same arguments and shard count, each shard once, each complete.
    /// </summary>
    /// <exception cref="UsageException">One line naming the first file at fault and what is wrong with it.</exception>
    public static IReadOnlyList<CollapseState> Load(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var shards = paths.Select(CollapseStateFile.Load).ToList();
        var first = shards[0];
        var seen = new Dictionary<int, string>();
        foreach (var shard in shards)
        {
            var (theirs, ours) = StateArguments.Differences(shard.Arguments, first.Arguments);
            if (theirs.Length > 0)
                throw new UsageException($"'{shard.Path}' was made with {theirs}; '{first.Path}' with {ours}");
            if (shard.Shard.Count != first.Shard.Count)
                throw new UsageException($"'{shard.Path}' is shard {shard.Shard} of {shard.Shard.Count}; '{first.Path}' is one of {first.Shard.Count}");
            if (shard.Runs.Any(r => !r.Complete))
                throw new UsageException($"'{shard.Path}' holds an unfinished shard; finish it before merging");
            if (!seen.TryAdd(shard.Shard.Index, shard.Path))
                throw new UsageException($"'{shard.Path}' repeats shard {shard.Shard} (also in '{seen[shard.Shard.Index]}')");
        }
        var missing = Enumerable.Range(0, first.Shard.Count).Where(k => !seen.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"shards {string.Join(", ", missing)} of 0..{first.Shard.Count - 1} are missing (given: {string.Join(", ", paths.Select(p => $"'{p}'"))})");
        return shards;
    }

    /// <summary>The runs of the whole run: per width, the sum of the shards' counts.</summary>
    public static IReadOnlyList<CollapseRun> Sum(IReadOnlyList<CollapseState> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return [.. shards[0].Runs.Select((template, i) =>
        {
            var total = new CollapseTally(template.Experiment.Depth);
            foreach (var shard in shards)
                total.Add(shard.Runs[i].Tally);
            return new CollapseRun(template.Experiment, template.Engine, total, 0, Complete: true);
        })];
    }
}

/// <summary>The merger of <c>collapse</c> shard files (<see cref="MergeCommand.Load"/>, <see cref="MergeCommand.Sum"/>).</summary>
public sealed class CollapseShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => CollapseStateFile.Command;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, string outDirectory, OutputFormat format, bool noPlot)
    {
        var shards = MergeCommand.Load(paths);
        var inputs = shards.Select(s => new ProvenanceInput(s.Path, ProvenanceSidecar.Sha256Of(s.Path), s.Provenance)).ToList();
        CollapseOutput.Write(CollapseOutput.Reports(MergeCommand.Sum(shards), shards[0].Config.Depths), outDirectory, format, noPlot, inputs);
    }
}
