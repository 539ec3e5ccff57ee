using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>
/// <c>relukernels safe-depth</c>: for each width and p, the largest depth whose simulated collapse probability stays
/// below p, beside Eq. (5) of Lu et al. (Fig. 6B).
/// </summary>
public static class SafeDepthCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var widths = CommonOptions.IntList("--widths", "Hidden-layer widths", SafeDepthDefaults.Widths, ShapeLimits.MinWidth, SafeDepthDefaults.MaxWidth);
        var ps = new Option<double[]>("--p")
        {
            Description = $"Collapse probabilities not to exceed, each in (0, 1) (default {string.Join(",", SafeDepthDefaults.Probabilities.Select(p => p.ToString(CultureInfo.InvariantCulture)))}).",
            CustomParser = r =>
            {
                try
                {
                    var values = DoubleList.Parse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "");
                    foreach (double bad in values.Where(p => !(p > 0 && p < 1)).Take(1))
                        r.AddError($"--p: {bad.ToString(CultureInfo.InvariantCulture)} is outside (0, 1)");
                    return values;
                }
                catch (FormatException ex)
                {
                    r.AddError($"--p: {ex.Message}");
                    return [];
                }
            },
        };
        var trials = CommonOptions.Trials(SafeDepthDefaults.Trials, "Networks per width.");
        var weights = CommonOptions.Weights();
        var engine = CommonOptions.Engine();
        var shard = CommonOptions.Shard("safe-depth.shard-k-of-n.json");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("safe-depth", "Largest depth whose simulated collapse probability stays below p, beside Eq. (5) (Lu et al. Fig. 6B).")
        {
            widths, ps, trials, weights, engine, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r => Run(r.ValueOr(widths, [.. SafeDepthDefaults.Widths]), r.ValueOr(ps, [.. SafeDepthDefaults.Probabilities]), r.GetValue(weights), r.GetValue(engine),
            new MonteCarloOptions { Trials = r.GetValue(trials), Seed = r.GetValue(seed), Threads = r.GetValue(threads), Shard = r.GetValue(shard) ?? Shard.Whole },
            r.GetValue(checkpoint), r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi))));
        return command;
    }

    private static int Run(int[] widths, double[] ps, WeightDistribution weights, EngineKind engine, MonteCarloOptions options,
        string? checkpoint, string outDirectory, OutputFormat format, FigureFiles? figures)
    {
        var config = new SafeDepthRunConfig(widths, ps, weights, engine, options.Trials, options.Seed, options.BlockSize);
        var experiments = config.Experiments();
        foreach (var e in experiments)
            if (CollapseEngines.Unsupported(engine, e) is { } reason)
                throw new UsageException($"--engine {engine}: {reason}");
        using var interrupt = new Interrupt();
        var runner = new CollapseGridRunner<SafeDepthRunConfig>(options, checkpoint is null ? null : new(checkpoint, config));
        var runs = ProgressDisplay.Run("safe-depth", interrupt, progress => runner.Run(experiments, engine, progress, interrupt.Token));
        if (runs.Any(r => !r.Complete))
            return interrupt.Report(checkpoint is null ? "rerun with --checkpoint FILE to make runs resumable" : $"resume with the same command (checkpoint {checkpoint})");
        if (options.Shard.IsWhole)
            SafeDepthOutput.Write(runs, config, outDirectory, format, figures);
        else
            ShardResult.Write(outDirectory, config, options.Shard, CollapseStateFile.Payload(runs));
        return ExitCodes.Success;
    }
}
