using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Experiments.Remedies;
using ReluKernels.Experiments.Training;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Cli.TrainRemedies;

/// <summary>
/// <c>relukernels train-remedies</c>: Lu, Su &amp; Karniadakis's remedies for collapse (2019, §5) at Monte-Carlo scale — the
/// same deep, narrow network trained from many seeds under each remedy, with the fraction collapsed, partially collapsed
/// and successful per remedy.
/// </summary>
public static class TrainRemediesCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "train-remedies";

    /// <summary>The most runs per remedy (memory and output grow linearly in runs × remedies, as for <c>train-collapse</c>).</summary>
    public const int MaxRuns = 10_000;

    /// <summary>Runs per remedy that keep a loss history for the loss plot.</summary>
    public const int LossCurveRuns = 1000;

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(TrainingShardRunner.Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static TrainingPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) => TrainingPlans.Parse(Create, arguments);

    private static Command Create(Func<TrainingPlan, TrainingRequest, int> run)
    {
        var all = Enum.GetValues<Remedy>();
        string[] names = [.. all.Select(RemedyNetworks.Name)];
        var remedies = new Option<string[]>("--remedies")
        {
            Description = $"Remedies, comma-separated: {string.Join(", ", names)} (default all).",
            CustomParser = r =>
            {
                var given = (r.Tokens.Count == 1 ? r.Tokens[0].Value : "").Split(',', StringSplitOptions.TrimEntries);
                foreach (string bad in given.Where(n => !names.Contains(n)).Take(1))
                    r.AddError($"--remedies: unknown remedy '{bad}' (known: {string.Join(", ", names)})");
                return [.. given.Distinct()];
            },
        };
        string[] targetNames = [.. CollapseTrainingDefaults.Targets];
        var target = new Option<string>("--target")
        {
            Description = $"Target: {string.Join(", ", targetNames)} (Lu et al. 2019, Figs. 1–4).",
            DefaultValueFactory = _ => CollapseTrainingDefaults.Target,
        };
        target.AcceptOnlyFromAmong(targetNames);
        var width = CommonOptions.IntInRange("--width", "Hidden width (default 2; 4 for abs-sum-diff, as Lu et al. 2019, Fig. 4)", 2, ShapeLimits.MinWidth, ShapeLimits.MaxWidth);
        var depth = CommonOptions.IntInRange("--depth", $"Hidden layers (default {CollapseTrainingExperiment.Depth}: Lu et al.'s \"10-layer\" network)",
            CollapseTrainingExperiment.Depth, ShapeLimits.MinDepth, ShapeLimits.MaxDepth);
        var runs = TrainingCliOptions.Runs($"Trainings per remedy (default {RemedyDefaults.Runs}; --paper: {RemedyDefaults.PaperRuns}; at most {MaxRuns}).", MaxRuns);
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {RemedyDefaults.Epochs}; --paper: {RemedyDefaults.PaperEpochs}).");
        var dropout = OptionValues.Real("--dropout", "a number in (0, 1)", v => v is > 0 and < 1);
        dropout.Description = $"Dropout rate of the dropout remedy (default {RemedyDefaults.DropoutRate.ToString(CultureInfo.InvariantCulture)}; ours, the paper states none).";
        dropout.DefaultValueFactory = _ => RemedyDefaults.DropoutRate;
        var paper = TrainingCliOptions.Paper($"Paper scale: {RemedyDefaults.PaperRuns} runs of {RemedyDefaults.PaperEpochs} epochs per remedy ({RemedyDefaults.PaperScaleNote}).");
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the runs r with r mod n = k of every remedy and write them");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Train a deep narrow ReLU network under each remedy of Lu et al. 2019, §5 (orthogonal, LSUV, RAI, BN, WN, SELU, dropout; leaky ReLU as a control) and count collapses.")
        {
            remedies, target, width, depth, runs, epochs, dropout, paper, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var chosen = all.Where(m => r.ValueOr(remedies, names).Contains(RemedyNetworks.Name(m))).ToArray();
            var problem = Problems.Named(r.GetValue(target)!);
            int w = r.ValueOr(width, CollapseTrainingExperiment.ArchitectureFor(problem).Width);
            var architecture = new NetworkArchitecture(w, r.GetValue(depth), problem.Target.InputDim, problem.Target.OutputDim);
            int epochCount = r.ValueOr(epochs, isPaper ? RemedyDefaults.PaperEpochs : RemedyDefaults.Epochs);
            var setup = new RemedySetup
            {
                Problem = problem,
                Architecture = architecture,
                Training = new TrainingOptions
                {
                    Optimizer = new AdamSettings(RemedyDefaults.LearningRate),
                    Loss = LossFunction.MeanSquaredError,
                    BatchSize = RemedyDefaults.BatchSize,
                    MaxEpochs = epochCount,
                },
                Parallel = new ParallelTrainingOptions
                {
                    Seed = r.GetValue(seed),
                    Runs = r.ValueOr(runs, isPaper ? RemedyDefaults.PaperRuns : RemedyDefaults.Runs),
                    Threads = r.GetValue(threads),
                    HistoryInterval = Math.Max(1, epochCount / 200),
                    HistoryRuns = LossCurveRuns,
                },
                Remedies = chosen,
                DropoutRate = r.GetValue(dropout),
            };
            // Everything the runs depend on, resolved (no --paper), in command-line form.
            var arguments = new Dictionary<string, string>
            {
                ["remedies"] = string.Join(',', chosen.Select(RemedyNetworks.Name)),
                ["target"] = problem.Name,
                ["width"] = I(w),
                ["depth"] = I(architecture.Depth),
                ["runs"] = I(setup.Parallel.Runs),
                ["epochs"] = I(epochCount),
                ["dropout"] = setup.DropoutRate.ToString("R", CultureInfo.InvariantCulture),
                ["seed"] = setup.Parallel.Seed.ToString(CultureInfo.InvariantCulture),
            };
            var cells = chosen.Select(remedy => new TrainingCell(RemedyNetworks.Name(remedy), architecture, epochCount, setup.Parallel,
                (indices, progress, finished, cancellation) => RemedyExperiment.Train(setup, remedy, indices, progress, finished, cancellation),
                () => RemedyNetworks.Initializer(setup, remedy), () => null,
                RemedyNetworks.Layout(setup, remedy).ParameterCount,
                (index, result, parameters, history) => RemedyExperiment.Restore(setup, remedy, index, result, parameters, history))).ToArray();
            var plan = new TrainingPlan(Name, arguments, cells, (batches, o) => Write(RemedyExperiment.Result(setup, batches), o));
            return run(plan, new TrainingRequest(r.GetValue(shard) ?? Shard.Whole, r.GetValue(checkpoint),
                new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null)));
        });
        return command;
    }

    private static void Write(RemedyResult result, TrainingOutput o)
    {
        var report = result.Report;
        string stem = Path.Combine(o.OutDirectory, $"{Name}-{report.Target}");
        ExperimentFiles.Write(stem, Json.Serialize(report), TrainRemediesCsv.Build(report),
            o.Figures is null ? null : s => TrainRemediesPlot.Save(result, o.Figures, s), () => TrainRemediesTableView.Build(report), o.Format,
            TrainRemediesTableView.Note(report), o.Inputs);
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
