using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// <c>relukernels merge</c>: sums the shard files of one sharded <c>collapse</c> run into its full result. Counts are
/// integers and shards cover disjoint blocks, so the merged counts equal those of one unsharded run exactly.
/// </summary>
public static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "The collapse.shard-k-of-n.json files of every shard k = 0..n-1.", Arity = ArgumentArity.OneOrMore };
        // System.CommandLine hands an unknown option after the files (merge a.json --seed 3) to this argument as a file name.
        files.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')).Take(1))
                r.AddError($"merge: option '{token.Value}' is not recognised (merge takes files, --out, --format and --no-plot)");
        });
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("merge", "Sum the shard files of a sharded 'collapse' run into its full result.") { files, output, format, noPlot };
        command.SetAction(r =>
        {
            var merged = Merge(r.GetValue(files)!, out int[] depths);
            CollapseOutput.Write(CollapseOutput.Reports(merged, depths), r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot), null);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Loads, checks and sums the shard files.</summary>
    /// <exception cref="UsageException">Unreadable files, shards of different runs, missing or repeated shards, or unfinished shards.</exception>
    public static IReadOnlyList<CollapseRun> Merge(IReadOnlyList<string> paths, out int[] depths)
    {
        var shards = paths.Select(p => (Path: p, File: CollapseStateFile.Load(p))).ToList();
        var first = shards[0].File;
        int count = first.Config.ShardCount;
        foreach (var (path, file) in shards)
        {
            if (file.Config with { ShardIndex = 0 } != first.Config with { ShardIndex = 0 } || !file.Depths.SequenceEqual(first.Depths))
                throw new UsageException($"'{path}' belongs to another run than '{shards[0].Path}' (seed, trials, block size, shard count and depths must match)");
            if (file.Runs.Any(r => !r.Complete))
                throw new UsageException($"'{path}' holds an unfinished shard; finish it before merging");
            if (!SameExperiments(file, first))
                throw new UsageException($"'{path}' simulates other widths or settings than '{shards[0].Path}'");
        }
        var indices = shards.Select(s => s.File.Config.ShardIndex).Order().ToArray();
        if (!indices.SequenceEqual(Enumerable.Range(0, count)))
            throw new UsageException($"expected shards 0..{count - 1} exactly once each, got {string.Join(", ", indices)}");

        depths = first.Depths;
        return [.. first.Runs.Select(template =>
        {
            var total = new CollapseTally(template.Depth);
            foreach (var (_, file) in shards)
                total.Add(file.Runs.Single(r => Key(r) == Key(template)).ToRun().Tally);
            return new CollapseRun(template.Experiment(), template.Engine, total, 0, Complete: true);
        })];
    }

    private static bool SameExperiments(CollapseStateFile a, CollapseStateFile b) =>
        a.Runs.Select(Key).Order().SequenceEqual(b.Runs.Select(Key).Order());

    private static string Key(CollapseRunState r) => $"{r.Width}|{r.Depth}|{r.Weights}|{r.BiasStd:R}|{r.Radius:R}|{r.Probe:R}|{r.Engine}";
}
