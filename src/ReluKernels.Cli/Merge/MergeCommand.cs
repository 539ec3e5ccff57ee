using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;

namespace ReluKernels.Cli.Merge;

/// <summary>
/// <c>relukernels merge</c>: sums the shard files of one sharded run of any sampling command into its full result. The
/// first file's <c>command</c> field picks the command's <see cref="IShardMerger"/>; every other file must be of the same
/// command. Counts are integers and shards cover disjoint blocks, so the merged counts equal those of one unsharded run exactly.
/// </summary>
public static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "The {command}.shard-k-of-n.json files of every shard k = 0..n-1 of one run.", Arity = ArgumentArity.OneOrMore };
        // System.CommandLine hands an unknown option after the files (merge a.json --seed 3) to this argument as a file name.
        files.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')).Take(1))
                r.AddError($"merge: option '{token.Value}' is not recognised (merge takes files, --out, --format, --no-plot and --dpi)");
        });
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("merge", $"Sum the shard files of a sharded run ({string.Join(", ", ShardMergers.All.Select(m => m.Command))}) into its full result.")
        {
            files, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var paths = r.GetValue(files)!;
            MergerFor(paths[0]).Merge(paths, new MergeOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi))));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The merger of the command whose counts <paramref name="path"/> holds.</summary>
    /// <exception cref="UsageException">Not a state file, or of a command that has no merger.</exception>
    public static IShardMerger MergerFor(string path)
    {
        string command = StateFile.CommandOf(path);
        return ShardMergers.All.FirstOrDefault(m => m.Command == command)
            ?? throw new UsageException($"'{path}' holds counts of '{command}', which merge does not know (it merges {string.Join(", ", ShardMergers.All.Select(m => m.Command))})");
    }
}
