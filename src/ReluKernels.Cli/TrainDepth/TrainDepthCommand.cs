using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Cli.Plots;
using ReluKernels.Conditioning;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>
/// <c>relukernels train-depth</c>: the training check of Agarwal, Awasthi &amp; Kale (2021) — plain ReLU, normalised ReLU and
/// NormReLU_b networks of increasing depth fitted to random ±1 labels on separated unit vectors with the same budget; the
/// training loss vs depth per activation with its spread over initial networks. With <c>--shard k/n</c> it trains only the
/// runs r with r mod n = k of every activation and depth and stores their losses.
/// </summary>
public static class TrainDepthCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "train-depth";

    /// <summary>The most runs per activation and depth (all are kept in memory until summarised).</summary>
    public const int MaxRuns = 10_000;

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static TrainDepthPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse<TrainDepthPlan, ShardRequest>(Create, arguments, p => p.Arguments);

    private static Command Create(Func<TrainDepthPlan, ShardRequest, int> run)
    {
        var width = CommonOptions.IntInRange("--width", "Hidden width", DepthTrainingDefaults.Width, 2, ShapeLimits.MaxRuntimeWidth);
        var depths = CommonOptions.IntList("--depths", "Depths (hidden layers)", DepthTrainingDefaults.Depths, 1, ShapeLimits.MaxDepth);
        var inputs = CommonOptions.IntInRange("--inputs", "Training points n (random unit vectors)", DepthTrainingDefaults.Inputs, 2, 1000);
        var dimension = CommonOptions.IntInRange("--dimension", "Their dimension d", DepthTrainingDefaults.Dimension, 1, ShapeLimits.MaxDim);
        var separation = OptionValues.Real("--separation", "a number in (0, 1]", v => v > 0 && v <= 1);
        separation.Description = "Minimum separation δ = min (1 − |⟨xᵢ, xⱼ⟩|) of the inputs, in (0, 1].";
        separation.DefaultValueFactory = _ => DepthTrainingDefaults.Separation;
        var epochs = TrainingCliOptions.Epochs($"Full-batch Adam steps per training (default {DepthTrainingDefaults.Epochs}).");
        var learningRate = TrainingCliOptions.LearningRate($"Adam's learning rate (default {DepthTrainingDefaults.LearningRate}).");
        var runs = TrainingCliOptions.Runs($"Initial networks (runs 0, 1, … of --seed) per activation and depth (default {DepthTrainingDefaults.Runs}, at most {MaxRuns}).", MaxRuns);
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the runs r with r mod n = k (of every activation and depth) and write their losses");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Training loss vs depth for plain ReLU, normalised ReLU and NormReLU_b on random labels (Agarwal et al. 2021's training check, small scale).")
        {
            width, depths, inputs, dimension, separation, epochs, learningRate, runs, shard, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var settings = new DepthTrainingSettings(r.GetValue(width), [.. r.ValueOr(depths, [.. DepthTrainingDefaults.Depths]).Distinct().Order()],
                r.GetValue(inputs), r.GetValue(dimension), r.GetValue(separation), r.ValueOr(epochs, DepthTrainingDefaults.Epochs),
                r.ValueOr(learningRate, DepthTrainingDefaults.LearningRate), r.ValueOr(runs, DepthTrainingDefaults.Runs), r.GetValue(seed), r.GetValue(threads));
            try
            {
                DepthTrainingExperiment.Data(settings);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"--separation: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
            var request = new ShardRequest(r.GetValue(shard) ?? Shard.Whole, new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null));
            return run(new TrainDepthPlan(settings, TrainDepthPlan.ArgumentsOf(settings)), request);
        });
        return command;
    }

    private static int Run(TrainDepthPlan plan, ShardRequest request)
    {
        var settings = plan.Settings;
        int[] indices = ShardUnits.Of(settings.Runs, request.Shard);
        var cells = plan.Cells.ToList();
        long total = (long)cells.Count * indices.Length;
        using var interrupt = new Interrupt();
        List<DepthTrainingRun[]> trained;
        try
        {
            trained = ProgressDisplay.Run(Name, interrupt, bar =>
            {
                var done = new List<DepthTrainingRun[]>();
                foreach (var (activation, depth) in cells)
                {
                    long before = (long)done.Count * indices.Length;
                    var progress = bar is null ? null : new CallbackProgress<int>(n => bar(before + n, total));
                    done.Add(DepthTrainingExperiment.Sample(settings, activation, depth, indices, progress, interrupt.Token));
                }
                return done;
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        if (!request.Shard.IsWhole)
        {
            var payload = new TrainDepthShardPayload([.. cells.Zip(trained, (cell, runs) =>
                new TrainDepthShardCell(cell.Activation.Name, cell.Depth, [.. runs.Select(TrainDepthShardRun.Of)]))]);
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments, request.Shard, payload);
            return ExitCodes.Success;
        }
        Write(plan, trained, request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Summarises every run (in run order) of every activation and depth and writes every output.</summary>
    /// <param name="plan">The run.</param>
    /// <param name="runs">Per (activation, depth) of <see cref="TrainDepthPlan.Cells"/>, all its runs in index order.</param>
    /// <param name="output">Where the results go.</param>
    public static void Write(TrainDepthPlan plan, IReadOnlyList<IReadOnlyList<DepthTrainingRun>> runs, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(output);
        var rows = plan.Cells.Zip(runs, (cell, all) => DepthTrainingExperiment.Summarise(plan.Settings, cell.Activation.Name, cell.Depth, all)).ToList();
        var report = DepthTrainingExperiment.Report(plan.Settings, rows);
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(report), TrainDepthCsv.Build(report),
            output.Figures is null ? null : stem => TrainDepthPlot.Save(report, output.Figures, stem), () => TrainDepthTableView.Build(report), output.Format, null, output.Inputs);
    }
}
