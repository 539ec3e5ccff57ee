using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// <c>relukernels collapse</c>: the born-dead probability over a widths × depths grid (Lu et al. Fig. 6A), simulated
/// beside Theorems 8–10 and the refined bounds. The default command of the CLI.
/// </summary>
public static class CollapseCommand
{
    /// <summary>Creates the command; <paramref name="root"/> gets the same options and action so a bare <c>relukernels</c> runs it.</summary>
    public static Command Create(RootCommand root)
    {
        var widths = CommonOptions.IntList("--widths", "Hidden-layer widths", CollapseDefaults.Widths, ShapeLimits.MinWidth, ShapeLimits.MaxWidth);
        var depths = CommonOptions.IntList("--depths", "Depths (hidden ReLU layers)", CollapseDefaults.Depths, 1, CollapseExperiment.MaxDepth);
        var trials = CommonOptions.Trials(CollapseDefaults.Trials, "Networks per width (every depth of a width is read off the same networks).");
        var halfWidth = new Option<double?>("--target-half-width")
        {
            Description = "Stop a width early once the 95% half-width of its deepest cell is at most this (0 < h < 0.5); --trials is then the cap.",
            CustomParser = r => OptionValues.TryRead(r, "--target-half-width", "a number in (0, 0.5)", NumberStyles.Float, h => h is > 0 and < 0.5, out double h)
                ? h : null,
        };
        var weights = CommonOptions.Weights();
        weights.Aliases.Add("--init");
        var biasStd = CommonOptions.NonNegative("--bias-std", "Bias scale σ_b (see --bias); 0 = no biases (the paper's Theorem 8 setting).", CollapseDefaults.BiasStd);
        var bias = OptionValues.Choice<BiasDistribution>("--bias");
        bias.Description = "Bias law at scale σ_b: Normal (N(0, σ_b²), symmetric), HalfNormal (|N(0, σ_b²)|) or Constant (b = σ_b).";
        bias.DefaultValueFactory = _ => BiasDistribution.Normal;
        var activation = new Option<string>("--activation")
        {
            Description = "Activation of every hidden layer; born dead is simulated for relu only (others are explained and rejected).",
            DefaultValueFactory = _ => "relu",
        };
        var radius = CommonOptions.NonNegative("--radius", "Ω = [-r, r].", CollapseDefaults.Radius, strictlyPositive: true);
        var probe = OptionValues.Real("--probe", "a finite number", double.IsFinite);
        probe.Description = "Input x at which the per-input zero probability is measured.";
        probe.DefaultValueFactory = _ => CollapseDefaults.Probe;
        var engine = CommonOptions.Engine();
        var shard = CommonOptions.Shard("collapse.shard-k-of-n.json");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();

        var command = new Command("collapse", "Probability that a random deep narrow ReLU network is born dead, simulation beside theory (Lu et al. Fig. 6A).");
        Option[] options = [widths, depths, trials, halfWidth, weights, biasStd, bias, activation, radius, probe, engine, shard, checkpoint, seed, threads, output, format, noPlot, dpi];
        foreach (var option in options)
        {
            command.Add(option);
            root.Add(option);
        }

        int Action(ParseResult r)
        {
            BornDeadActivation.Require(r.GetValue(activation)!);
            return Run(new CollapseSettings(
            r.ValueOr(widths, [.. CollapseDefaults.Widths]), r.ValueOr(depths, [.. CollapseDefaults.Depths]), r.GetValue(weights), r.GetValue(biasStd), r.GetValue(bias),
            r.GetValue(radius), r.GetValue(probe),
            r.GetValue(engine), new MonteCarloOptions
            {
                Trials = r.GetValue(trials),
                TargetHalfWidth = r.GetValue(halfWidth),
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
                Shard = r.GetValue(shard) ?? Shard.Whole,
            },
            r.GetValue(checkpoint), r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi))));
        }
        command.SetAction(Action);
        root.SetAction(Action);
        return command;
    }

    /// <summary>Runs the grid and writes every output.</summary>
    public static int Run(CollapseSettings s)
    {
        var experiments = s.Experiments();
        var engine = s.Engine;
        foreach (var e in experiments)
            if (CollapseEngines.Unsupported(engine, e) is { } reason)
                throw new UsageException($"--engine {engine}: {reason}");

        using var interrupt = new Interrupt();
        var config = CollapseRunConfig.Of(s);
        var runner = new CollapseGridRunner<CollapseRunConfig>(s.Options, s.Checkpoint is null ? null : new(s.Checkpoint, config));
        var runs = ProgressDisplay.Run("collapse", interrupt, progress => runner.Run(experiments, engine, progress, interrupt.Token));
        if (runs.Any(r => !r.Complete))
        {
            return interrupt.Report(s.Checkpoint is null ? "rerun with --checkpoint FILE to make runs resumable" : $"resume with the same command (checkpoint {s.Checkpoint})");
        }
        if (s.Options.Shard.IsWhole)
        {
            CollapseOutput.Write(CollapseOutput.Reports(runs, s.Depths), s.OutDirectory, s.Format, s.Figures);
            return ExitCodes.Success;
        }
        ShardResult.Write(s.OutDirectory, config, s.Options.Shard, CollapseStateFile.Payload(runs));
        return ExitCodes.Success;
    }
}

/// <summary>The parsed <c>collapse</c> command line.</summary>
public sealed record CollapseSettings(
    int[] Widths, int[] Depths, WeightDistribution Weights, double BiasStd, BiasDistribution Bias, double Radius, double Probe, EngineKind Engine,
    MonteCarloOptions Options, string? Checkpoint, string OutDirectory, OutputFormat Format, FigureFiles? Figures)
{
    /// <summary>
    /// Most cells (widths × depths) one run reports: its outputs grow linearly in the cells, about 0.8 kB of JSON, 0.2 kB
    /// of CSV and (as a table) 12 kB of memory each, so this bounds a run to ~200 MB of output and ~2.5 GB of memory.
    /// </summary>
    public const long MaxCells = 200_000;

    /// <summary>One experiment per width at the deepest requested depth.</summary>
    /// <exception cref="UsageException">An option combination the experiment rejects (e.g. a probe outside Ω), or more than <see cref="MaxCells"/> cells.</exception>
    public IReadOnlyList<CollapseExperiment> Experiments()
    {
        long cells = (long)Widths.Length * Depths.Length;
        if (cells > MaxCells)
            throw new UsageException($"--widths × --depths: {cells} cells ({Widths.Length} widths × {Depths.Length} depths) exceed the limit of {MaxCells}; split the widths over several runs");
        try
        {
            Options.Validate();
            return [.. Widths.Select(w => new CollapseExperiment(w, Depths.Max(), Weights, BiasStd, Radius, Probe, Bias))];
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
