using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Compositional;
using ReluKernels.Experiments.Compositional;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// <c>relukernels compositional</c>: Milkert, Hyde &amp; Laine's comparison (2023, Tables 1–2) of PyTorch-default networks,
/// the constructed start without pretraining, and two-stage training with free scales or under the differentiability
/// condition; with <c>--regions</c>, the linear-region counts of random initialisations beside the construction's 2^depth.
/// With <c>--shard k/n</c> it trains only the models r with r mod n = k of every target (with <c>--regions</c>, it counts only the
/// networks i with i mod n = k).
/// </summary>
public static class CompositionalCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "compositional";

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(Run, CompositionalRegions.Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static CompositionalPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse<CompositionalPlan, ShardRequest>(run => Create(run, (_, _) => ExitCodes.Success), arguments, p => p.Arguments);

    /// <summary>The <c>--regions</c> plan of canonical <paramref name="arguments"/>, or null when they are not a valid <c>--regions</c> command line.</summary>
    public static CompositionalRegionsPlan? RegionsPlanOf(IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse<CompositionalRegionsPlan, ShardRequest>(run => Create((_, _) => ExitCodes.Success, run), arguments, p => p.Arguments);

    private static Command Create(Func<CompositionalPlan, ShardRequest, int> run, Func<CompositionalRegionsPlan, ShardRequest, int> runRegions)
    {
        string[] targetNames = [.. CompositionalTarget.All.Select(t => t.Name)];
        var targets = new Option<string[]>("--targets")
        {
            Description = $"Comma-separated targets from {string.Join(", ", targetNames)} (default all, Milkert et al. 2023, §4.1).",
            DefaultValueFactory = _ => targetNames,
            CustomParser = r => [.. string.Join(',', r.Tokens.Select(t => t.Value)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        };
        targets.Validators.Add(r =>
        {
            foreach (string name in r.GetValueOrDefault<string[]>() ?? [])
                if (!targetNames.Contains(name))
                    r.AddError($"--targets: unknown target '{name}'; expected {string.Join(", ", targetNames)}");
        });
        var waves = OptionValues.Choice<WaveChoice>("--waves");
        waves.Description = "Subtract or add the waves: auto (default: subtract for x3, x11; add for tanh3x, sine), subtract or add.";
        waves.DefaultValueFactory = _ => WaveChoice.Auto;
        var depth = CommonOptions.IntInRange("--depth", $"Hidden layers (default {CompositionalDefaults.Depth})", CompositionalDefaults.Depth, 1, CompositionalNetwork.MaxDepth);
        var points = CommonOptions.IntInRange("--points", $"Evenly spaced training points on [0, 1] (default {CompositionalDefaults.Points})", CompositionalDefaults.Points, 2, 100_000);
        var models = CommonOptions.IntInRange("--models", $"Models per method and target (default {CompositionalDefaults.Models}, the paper's); with --regions, random networks per depth and initialiser (default {CompositionalRegions.DefaultNetworks})",
            CompositionalDefaults.Models, 1, 1_000_000);
        var epochs = CommonOptions.IntInRange("--epochs", $"Full-batch Adam epochs per model, both stages together (default {CompositionalDefaults.Epochs}, the paper's)",
            CompositionalDefaults.Epochs, 2, 10_000_000);
        var pretrainEpochs = CommonOptions.IntInRange("--pretrain-epochs", $"Of --epochs, those in stage one (default {CompositionalDefaults.PretrainingEpochs})",
            CompositionalDefaults.PretrainingEpochs, 1, 10_000_000);
        var lr = CommonOptions.NonNegative("--lr", $"Adam's rate on the raw weights (default {CompositionalDefaults.LearningRate}).", CompositionalDefaults.LearningRate, strictlyPositive: true);
        var pretrainLr = CommonOptions.NonNegative("--pretrain-lr", $"Adam's rate in stage one (default {CompositionalDefaults.PretrainingLearningRate}).",
            CompositionalDefaults.PretrainingLearningRate, strictlyPositive: true);
        var peaks = new Option<double[]>("--peaks")
        {
            Description = $"A fixed start a_0..a_depth (depth + 1 values, each in ({PeakScaleParameters.PeakMargin}, {1 - PeakScaleParameters.PeakMargin})) for every model; default: drawn per model.",
            CustomParser = r => ParsePeaks(r.Tokens.Count == 0 ? "" : r.Tokens[0].Value, r),
        };
        var regions = new Option<bool>("--regions") { Description = "Instead of training: linear regions of random He, PyTorch-default and RAI networks at depths 1..--depth beside 2^depth." };
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json (with --regions {CompositionalRegions.Name}.shard-k-of-n.json)",
            "the models r with r mod n = k of every target (with --regions, the networks r with r mod n = k) and write them");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("compositional",
            "Fit convex curves with width-4 compositional networks (Milkert, Hyde & Laine 2023): PyTorch default, no pretraining, pretraining with free scales or with the differentiability condition.")
        {
            targets, waves, depth, points, models, epochs, pretrainEpochs, lr, pretrainLr, peaks, regions, shard, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var request = new ShardRequest(r.GetValue(shard) ?? Shard.Whole, new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null));
            if (r.GetValue(regions))
                return runRegions(CompositionalRegionsPlan.Of(r.GetValue(depth), r.WasGiven(models) ? r.GetValue(models) : CompositionalRegions.DefaultNetworks, r.GetValue(seed)),
                    request);
            var chosen = r.GetValue(targets)!.Distinct().Select(CompositionalTarget.Named)
                .Select(t => r.GetValue(waves) switch
                {
                    WaveChoice.Subtract => t with { Sign = WaveSign.Subtract },
                    WaveChoice.Add => t with { Sign = WaveSign.Add },
                    _ => t,
                }).ToArray();
            int d = r.GetValue(depth);
            var start = r.WasGiven(peaks) ? r.GetValue(peaks) : null;
            if (start is not null && start.Length != d + 1)
                throw new UsageException($"--peaks: a depth-{d} start needs {d + 1} peaks (a_0..a_{d}; a_{d} sets the last scale), got {start.Length}");
            if (r.GetValue(pretrainEpochs) >= r.GetValue(epochs))
                throw new UsageException($"--pretrain-epochs ({r.GetValue(pretrainEpochs)}) must be below --epochs ({r.GetValue(epochs)})");
            var setup = new CompositionalSetup
            {
                Targets = chosen,
                Depth = d,
                Points = r.GetValue(points),
                Models = r.GetValue(models),
                Epochs = r.GetValue(epochs),
                PretrainingEpochs = r.GetValue(pretrainEpochs),
                LearningRate = r.GetValue(lr),
                PretrainingLearningRate = r.GetValue(pretrainLr),
                StartPeaks = start,
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
            };
            // Everything the models depend on, in command-line form (merge re-parses it); --threads does not change them.
            var arguments = new Dictionary<string, string>
            {
                ["targets"] = string.Join(',', chosen.Select(t => t.Name)),
                ["waves"] = r.GetValue(waves).ToString().ToLowerInvariant(),
                ["depth"] = ArgumentText.Count(setup.Depth),
                ["points"] = ArgumentText.Count(setup.Points),
                ["models"] = ArgumentText.Count(setup.Models),
                ["epochs"] = ArgumentText.Count(setup.Epochs),
                ["pretrain-epochs"] = ArgumentText.Count(setup.PretrainingEpochs),
                ["lr"] = ArgumentText.Real(setup.LearningRate),
                ["pretrain-lr"] = ArgumentText.Real(setup.PretrainingLearningRate),
                ["seed"] = ArgumentText.Seed(setup.Seed),
            };
            if (start is not null)
                arguments["peaks"] = string.Join(',', start.Select(ArgumentText.Real));
            return run(new CompositionalPlan(setup, arguments), request);
        });
        return command;
    }

    private static double[]? ParsePeaks(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        try
        {
            var values = DoubleList.Parse(text);
            foreach (double a in values)
                if (!(a > PeakScaleParameters.PeakMargin && a < 1 - PeakScaleParameters.PeakMargin))
                {
                    result.AddError($"--peaks: {a} is outside ({PeakScaleParameters.PeakMargin}, {1 - PeakScaleParameters.PeakMargin}); peaks must lie strictly inside (0, 1)");
                    return null;
                }
            return values;
        }
        catch (FormatException e)
        {
            result.AddError($"--peaks: {e.Message}");
            return null;
        }
    }

    private static int Run(CompositionalPlan plan, ShardRequest request)
    {
        var setup = plan.Setup;
        // Warned here, not while parsing: merge parses the stored arguments again and must not repeat the shards' warnings.
        foreach (var t in setup.Targets)
            if (!t.HasAssumedShape(CompositionalExperiment.Data(t, setup.Points)))
                Console.Error.WriteLine($"{CliErrors.ProgramName}: warning: {t.Function.Name} is not {(t.Sign == WaveSign.Subtract ? "convex" : "concave")} on [0, 1], "
                    + $"but the waves are {(t.Sign == WaveSign.Subtract ? "subtracted" : "added")}, which assumes it is; its fits start far from the curve.");
        int[] indices = ShardUnits.Of(setup.Models, request.Shard);
        using var interrupt = new Interrupt();
        (string Kernel, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> Models) trained;
        int total = setup.Targets.Count * indices.Length;
        try
        {
            trained = ProgressDisplay.Run(Name, interrupt, progress => CompositionalExperiment.Train(setup, indices,
                progress is null ? null : new CallbackProgress<int>(done => progress(done, total)), interrupt.Token));
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        if (!request.Shard.IsWhole)
        {
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments, request.Shard, CompositionalShardPayload.Of(trained.Kernel, trained.Models));
            return ExitCodes.Success;
        }
        Write(CompositionalExperiment.Result(setup, trained.Kernel, trained.Models), request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Writes every output of a finished run.</summary>
    public static void Write(CompositionalResult result, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(CompositionalJson.From(result)), CompositionalCsv.Build(result),
            output.Figures is null ? null : s => CompositionalPlot.Save(result, output.Figures, s), () => CompositionalTableView.Build(result), output.Format,
            CompositionalTableView.Note(result), output.Inputs);
    }

    /// <summary>The values of <c>--waves</c>.</summary>
    public enum WaveChoice
    {
        /// <summary>Each target's own sign.</summary>
        Auto = 0,

        /// <summary>Subtract the waves for every target.</summary>
        Subtract = 1,

        /// <summary>Add the waves for every target.</summary>
        Add = 2,
    }
}
