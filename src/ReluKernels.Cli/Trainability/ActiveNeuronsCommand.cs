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
/// <c>relukernels active-neurons</c>: the distributions π_t of active neurons per hidden layer at initialisation under
/// Shin &amp; Karniadakis's schemes (its Fig. 7), theory beside simulation, and optionally trainability for required counts.
/// </summary>
public static class ActiveNeuronsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var architecture = new Option<int[]>("--architecture")
        {
            Description = $"n = (n₀, n₁, …): input dimension (must be 1: detection is exact on [-r, r]) then the hidden widths, each 1..{ShapeLimits.MaxWidth} "
                + $"(default {string.Join(",", ActiveNeuronDefaults.Architecture)}).",
            CustomParser = r =>
            {
                try
                {
                    var values = IntList.ParseSequence(r.Tokens.Count == 1 ? r.Tokens[0].Value : "");
                    if (values.Length < 2)
                        r.AddError("--architecture: give the input dimension and at least one hidden width, e.g. 1,6,4,2");
                    else if (values[0] != 1)
                        r.AddError($"--architecture: the input dimension must be 1 (exact detection on [-r, r]), got {values[0]}");
                    else if (values.Length - 1 > ShapeLimits.MaxDepth)
                        r.AddError($"--architecture: at most {ShapeLimits.MaxDepth} hidden layers");
                    else foreach (int bad in values.Skip(1).Where(n => n < 1 || n > ShapeLimits.MaxWidth).Take(1))
                        r.AddError($"--architecture: width {bad} is out of range 1..{ShapeLimits.MaxWidth}");
                    return values;
                }
                catch (FormatException ex)
                {
                    r.AddError($"--architecture: {ex.Message}");
                    return [];
                }
            },
        };
        var schemes = new Option<LayerSchemeSequence[]>("--schemes")
        {
            Description = $"Comma-separated per-layer schemes, layers joined by '+', the last repeating; names: {string.Join(", ", LayerSchemes.Names)}. "
                + "Default: the three of Shin & Karniadakis 2020, Fig. 7.",
            CustomParser = r =>
            {
                try
                {
                    return r.Tokens.Count == 1 ? [.. r.Tokens[0].Value.Split(',').Select(LayerSchemeSequence.Parse)] : [];
                }
                catch (FormatException ex)
                {
                    r.AddError($"--schemes: {ex.Message}");
                    return [];
                }
            },
        };
        var radius = CommonOptions.NonNegative("--radius", "Radius r of the input domain [-r, r].", ActiveNeuronDefaults.Radius, strictlyPositive: true);
        var required = new Option<int[]?>("--required")
        {
            Description = "Required active neurons m_t per hidden layer (e.g. 2,2,1); when given, trainability is simulated and compared with theory.",
            CustomParser = r =>
            {
                try
                {
                    return IntList.ParseSequence(r.Tokens.Count == 1 ? r.Tokens[0].Value : "");
                }
                catch (FormatException ex)
                {
                    r.AddError($"--required: {ex.Message}");
                    return null;
                }
            },
        };
        var trials = CommonOptions.Trials(ActiveNeuronDefaults.Trials, "Networks per scheme.");
        var shard = CommonOptions.Shard("active-neurons.shard-k-of-n.json");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("active-neurons",
            "Distributions of active neurons per layer at initialisation, theory beside simulation (Shin & Karniadakis, Lemmas 13-14, Fig. 7).")
        {
            architecture, schemes, radius, required, trials, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r => Run(r.ValueOr(architecture, [.. ActiveNeuronDefaults.Architecture]), r.ValueOr(schemes, [.. LayerSchemeSequence.Figure7]), r.GetValue(radius), GivenCounts(r.GetValue(required)),
            new MonteCarloOptions
            {
                Trials = r.GetValue(trials),
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
                BlockSize = ActiveNeuronDefaults.BlockSize,
                Shard = r.GetValue(shard) ?? Shard.Whole,
            },
            r.GetValue(checkpoint), r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi))));
        return command;
    }

    private static int Run(int[] architecture, LayerSchemeSequence[] schemes, double radius, int[]? required, MonteCarloOptions options,
        string? checkpoint, string outDirectory, OutputFormat format, FigureFiles? figures)
    {
        int[] widths = architecture[1..];
        if (required is not null)
        {
            if (required.Length != widths.Length)
                throw new UsageException($"--required: expected {widths.Length} counts (one per hidden layer), got {required.Length}");
            for (int t = 0; t < widths.Length; t++)
                if (required[t] < 1 || required[t] > widths[t])
                    throw new UsageException($"--required: layer {t + 1} needs 1 ≤ m ≤ n = {widths[t]}, got {required[t]}");
        }
        var config = new ActiveNeuronsRunConfig(architecture, schemes, radius, required, options.Trials, options.Seed, options.BlockSize);
        var experiments = config.Experiments();
        var runner = new TallyGridRunner<ActiveNeuronTally>(options,
            checkpoint is null ? null : runs => StateFile.Save(checkpoint, config, options.Shard, ActiveNeuronsStateFile.Payload(config, runs)));
        var start = runner.Resume(checkpoint, config.ToArguments(), ActiveNeuronsStateFile.Load)
            ?? [.. experiments.Select(e => new TallyRun<ActiveNeuronTally>(new ActiveNeuronTally(e.HiddenWidths), 0, false))];
        var continuations = experiments.Select(e => (ContinueRun<ActiveNeuronTally>)((total, blocks, afterRound, cancellation) =>
            ActiveNeuronSampler.Continue(e, options, total, blocks, afterRound, cancellation))).ToList();
        using var interrupt = new Interrupt();
        var runs = ProgressDisplay.Run("active-neurons", interrupt, progress => runner.Run(start, continuations, progress, interrupt.Token));
        if (runs.Any(run => !run.Complete))
            return interrupt.Report(checkpoint is null ? "rerun with --checkpoint FILE to make runs resumable" : $"resume with the same command (checkpoint {checkpoint})");
        if (options.Shard.IsWhole)
            ActiveNeuronsOutput.Write(config, [.. runs.Select(run => run.Tally)], outDirectory, format, figures);
        else
            ShardResult.Write(outDirectory, config, options.Shard, ActiveNeuronsStateFile.Payload(config, runs));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The parsed <c>--required</c>, or null when it was not given: System.CommandLine returns an empty array for an absent
    /// array option, and a given one is never empty (the parser rejects an empty list).
    /// </summary>
    private static int[]? GivenCounts(int[]? counts) => counts is { Length: > 0 } ? counts : null;
}
