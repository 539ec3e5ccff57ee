using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.Sampling;
using ReluKernels.Cli.State;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// <c>relukernels trainability</c>: for shallow networks with random biases on B_r(0) ⊂ ℝ^d, the probability of having at
/// least m active neurons (Theorem 3 of Shin &amp; Karniadakis) and the mean number of active neurons vs width, beside
/// simulated first layers.
/// </summary>
public static class TrainabilityCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputDim = CommonOptions.IntInRange("--input-dim", "Input dimension d", TrainabilityDefaults.InputDim, 1, FirstLayerExperiment.MaxInputDim);
        var radius = CommonOptions.NonNegative("--radius", "Radius r of the input domain B_r(0).", TrainabilityDefaults.Radius, strictlyPositive: true);
        var required = CommonOptions.IntInRange("--required", "Active neurons m the task needs", TrainabilityDefaults.Required, 1, FirstLayerExperiment.MaxWidth);
        var widths = CommonOptions.IntList("--widths", "Hidden-layer widths n", TrainabilityDefaults.Widths, 1, FirstLayerExperiment.MaxWidth);
        var delta = OptionValues.Real("--delta", "a number in (0, 1)", v => v is > 0 and < 1);
        delta.Description = "δ of Theorem 6's condition (4), in (0, 1).";
        delta.DefaultValueFactory = _ => TrainabilityDefaults.Delta;
        var trials = CommonOptions.Trials(TrainabilityDefaults.Trials, "Networks per width.");
        var shard = CommonOptions.Shard("trainability.shard-k-of-n.json");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("trainability",
            "Trainability (P(at least m active neurons), Theorem 3) and mean active neurons vs width for shallow ReLU networks with random biases, beside simulation (Shin & Karniadakis).")
        {
            inputDim, radius, required, widths, delta, trials, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r => Run(r.GetValue(inputDim), r.GetValue(radius), r.GetValue(required), r.ValueOr(widths, [.. TrainabilityDefaults.Widths]), r.GetValue(delta),
            new MonteCarloOptions
            {
                Trials = r.GetValue(trials),
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
                BlockSize = TrainabilityDefaults.BlockSize,
                Shard = r.GetValue(shard) ?? Shard.Whole,
            },
            r.GetValue(checkpoint), r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi))));
        return command;
    }

    private static int Run(int d, double r, int m, int[] widths, double delta, MonteCarloOptions options, string? checkpoint, string outDirectory,
        OutputFormat format, FigureFiles? figures)
    {
        foreach (int n in widths.Where(n => n < m).Take(1))
            throw new UsageException($"--required {m} exceeds width {n}: a width-n layer has at most n active neurons (need m ≤ n)");
        var config = new TrainabilityRunConfig(d, r, m, widths, delta, options.Trials, options.Seed, options.BlockSize);
        var experiments = config.Experiments();
        var runner = new TallyGridRunner<FirstLayerTally>(options,
            checkpoint is null ? null : runs => StateFile.Save(checkpoint, config, options.Shard, TrainabilityStateFile.Payload(runs)));
        var start = runner.Resume(checkpoint, config.ToArguments(), TrainabilityStateFile.Load)
            ?? [.. experiments.Select(e => new TallyRun<FirstLayerTally>(new FirstLayerTally(e.Width), 0, false))];
        var continuations = experiments.Select(e => (ContinueRun<FirstLayerTally>)((total, blocks, afterRound, cancellation) =>
            FirstLayerSampler.Continue(e, options, total, blocks, afterRound, cancellation))).ToList();
        using var interrupt = new Interrupt();
        var runs = ProgressDisplay.Run("trainability", interrupt, progress => runner.Run(start, continuations, progress, interrupt.Token));
        if (runs.Any(run => !run.Complete))
            return interrupt.Report(checkpoint is null ? "rerun with --checkpoint FILE to make runs resumable" : $"resume with the same command (checkpoint {checkpoint})");
        if (options.Shard.IsWhole)
            TrainabilityOutput.Write(config, [.. runs.Select(run => run.Tally)], outDirectory, format, figures);
        else
            ShardResult.Write(outDirectory, config, options.Shard, TrainabilityStateFile.Payload(runs));
        return ExitCodes.Success;
    }
}
