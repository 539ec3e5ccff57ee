using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>
/// <c>relukernels train-collapse</c>: Lu et al.'s training experiment (Figs. 1–5) — many trainings of a deep, narrow ReLU
/// network on one target, counting how many collapse to a constant and whether that constant is the targets' mean or
/// median.
/// </summary>
public static class TrainCollapseCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "train-collapse";

    /// <summary>
    /// The most runs one result may have. Memory and output grow linearly in the runs (a row, the trained parameters and, for
    /// the first <see cref="LossCurveRuns"/>, a loss history each): about 2 kB per run in memory and 1 kB in each of the
    /// json, csv and shard files (docs/reliability.md).
    /// </summary>
    public const int MaxRuns = 100_000;

    /// <summary>Runs that keep a loss history for the loss plot (its median curve is over these; the others keep none).</summary>
    public const int LossCurveRuns = 1000;

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(TrainingShardRunner.Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static TrainingPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) => TrainingPlans.Parse(Create, arguments);

    private static Command Create(Func<TrainingPlan, TrainingRequest, int> run)
    {
        string[] targetNames = [.. CollapseTrainingDefaults.Targets];
        var target = new Option<string>("--target")
        {
            Description = $"Target: {string.Join(", ", targetNames)} (Lu et al. 2019, Figs. 1–4).",
            DefaultValueFactory = _ => CollapseTrainingDefaults.Target,
        };
        target.AcceptOnlyFromAmong(targetNames);
        var loss = TrainingCliOptions.Loss();
        int defaultWidth = CollapseTrainingExperiment.ArchitectureFor(Problems.Named(CollapseTrainingDefaults.Target)).Width;
        var width = CommonOptions.IntInRange("--width", "Hidden width (default 2; 4 for abs-sum-diff, as Lu et al. 2019, Fig. 4)", defaultWidth, ShapeLimits.MinWidth, ShapeLimits.MaxWidth);
        var depth = CommonOptions.IntInRange("--depth", $"Hidden ReLU layers (default {CollapseTrainingExperiment.Depth}: Lu et al.'s \"10-layer\" network counts the affine output layer)",
            CollapseTrainingExperiment.Depth, ShapeLimits.MinDepth, ShapeLimits.MaxDepth);
        var runs = TrainingCliOptions.Runs($"Independent trainings (default {CollapseTrainingDefaults.Runs}; --paper: {CollapseTrainingDefaults.PaperRuns}; at most {MaxRuns}).", MaxRuns);
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {CollapseTrainingDefaults.Epochs}; --paper: {CollapseTrainingDefaults.PaperEpochs}).");
        var lr = TrainingCliOptions.LearningRate("Learning rate of a first-order optimiser (default: PyTorch's for each, 1e-3 for adam and sgd).");
        var optimizer = TrainingCliOptions.OptimizerOrAll("Optimizer: adam (default), sgd, momentum, nesterov, adagrad, adadelta, rmsprop, bfgs, lbfgs, "
            + "or all: the same seeds under each of Lu et al.'s eight (sgd, nesterov, adagrad, adadelta, rmsprop, adam, bfgs, lbfgs) at their defaults, one row each.");
        var momentum = TrainingCliOptions.Momentum();
        var batch = TrainingCliOptions.BatchSize($"Mini-batch size (default {CollapseTrainingDefaults.BatchSize}, as Lu et al. (2019); 0 = full batch).");
        var balance = TrainingCliOptions.Balance();
        var balanceWeight = TrainingCliOptions.BalanceWeight(CollapseTrainingDefaults.BalanceWeight);
        var redundancyWeight = TrainingCliOptions.RedundancyWeight();
        var paper = TrainingCliOptions.Paper($"Paper scale: {CollapseTrainingDefaults.PaperRuns} runs of {CollapseTrainingDefaults.PaperEpochs} epochs ({CollapseTrainingDefaults.PaperScaleNote}).");
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the runs r with r mod n = k and write them");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Train many deep narrow ReLU networks (Lu et al. 2019: width 2, 10 layers) and count how many collapse to the mean (MSE) or median (MAE) of the target.")
        {
            target, loss, width, depth, runs, epochs, lr, optimizer, momentum, batch, balance, balanceWeight, redundancyWeight, paper, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var chosen = r.KindOrAll(optimizer, OptimizerKind.Adam);
            if (chosen is null && r.WasGiven(lr))
                throw new UsageException($"--lr sets one optimiser's rate; --optimizer {TrainingCliOptions.AllOptimizers} runs each at its default");
            OptimizerKind[] kinds = chosen is { } one ? [one] : [.. OptimizerKindExtensions.LuEtAl];
            if (r.GetValue(balance) != BalanceOption.None && kinds.Any(k => !k.HasLearningRate()))
                throw new UsageException($"--balance {Lower(r.GetValue(balance))} acts on first-order steps; it cannot be combined with bfgs, lbfgs or all");
            if (r.GetValue(redundancyWeight) > 0 && kinds.Any(k => !k.HasLearningRate()))
                throw new UsageException("--redundancy-weight acts on first-order steps; it cannot be combined with bfgs, lbfgs or all");
            var problem = Problems.Named(r.GetValue(target)!);
            int w = r.ValueOr(width, CollapseTrainingExperiment.ArchitectureFor(problem).Width);
            var architecture = new NetworkArchitecture(w, r.GetValue(depth), problem.Target.InputDim, problem.Target.OutputDim);
            int epochCount = r.ValueOr(epochs, isPaper ? CollapseTrainingDefaults.PaperEpochs : CollapseTrainingDefaults.Epochs);
            var settings = kinds.Select(k => chosen is null ? k.Settings(null, r.GetValue(momentum)) : r.OptimizerSettings(k, lr, momentum, null)).ToArray();
            var first = new CollapseTrainingSetup
            {
                Problem = problem,
                Architecture = architecture,
                Training = new TrainingOptions
                {
                    Optimizer = settings[0],
                    Loss = r.GetValue(loss).ToLossFunction(),
                    BatchSize = r.ValueOr(batch, CollapseTrainingDefaults.BatchSize),
                    MaxEpochs = epochCount,
                    Balance = r.GetValue(balance).ToBalanceMode(),
                    BalanceWeight = r.GetValue(balanceWeight),
                    RedundancyWeight = r.GetValue(redundancyWeight),
                },
                Parallel = new ParallelTrainingOptions
                {
                    Seed = r.GetValue(seed),
                    Runs = r.ValueOr(runs, isPaper ? CollapseTrainingDefaults.PaperRuns : CollapseTrainingDefaults.Runs),
                    Threads = r.GetValue(threads),
                    HistoryInterval = Math.Max(1, epochCount / 200),
                    HistoryRuns = LossCurveRuns,
                },
            };
            // Everything the runs depend on, resolved (no --paper), in command-line form.
            var arguments = new Dictionary<string, string>
            {
                ["target"] = problem.Name,
                ["loss"] = Lower(r.GetValue(loss)),
                ["width"] = I(w),
                ["depth"] = I(architecture.Depth),
                ["runs"] = I(first.Parallel.Runs),
                ["epochs"] = I(epochCount),
                ["optimizer"] = chosen?.Name() ?? TrainingCliOptions.AllOptimizers,
                ["batch-size"] = I(first.Training.BatchSize),
                ["seed"] = first.Parallel.Seed.ToString(CultureInfo.InvariantCulture),
            };
            if (chosen is not null && settings[0] is FirstOrderSettings firstOrder)
                arguments["lr"] = firstOrder.LearningRate.ToString("R", CultureInfo.InvariantCulture);
            // Plain runs keep the arguments they had before the balance options existed, so older shard files still merge.
            if (r.GetValue(balance) != BalanceOption.None)
                arguments["balance"] = Lower(r.GetValue(balance));
            if (r.GetValue(balance) == BalanceOption.Penalty)
                arguments["balance-weight"] = r.GetValue(balanceWeight).ToString("R", CultureInfo.InvariantCulture);
            if (r.GetValue(redundancyWeight) > 0)
                arguments["redundancy-weight"] = r.GetValue(redundancyWeight).ToString("R", CultureInfo.InvariantCulture);
            if (kinds.Any(k => k.UsesMomentum()))
                arguments["momentum"] = r.GetValue(momentum).ToString("R", CultureInfo.InvariantCulture);
            // One cell per optimiser, all with the same seed: run r starts from the same network under each.
            var setups = settings.Select(s => first with { Training = first.Training with { Optimizer = s } }).ToArray();
            var cells = setups.Select((setup, i) => new TrainingCell(chosen is null ? kinds[i].Name() : problem.Name, architecture, epochCount, setup.Parallel,
                (indices, progress, finished, cancellation) => CollapseTrainingExperiment.Train(setup, indices, progress, finished, cancellation),
                () => CollapseTrainingExperiment.Initializer, () => CollapseTrainingExperiment.Classifier(setup))).ToArray();
            var plan = new TrainingPlan(Name, arguments, cells, (batches, o) =>
            {
                var results = batches.Select((b, i) => CollapseTrainingExperiment.Result(setups[i], b.Kernel, b.Runs)).ToArray();
                if (chosen is null)
                    WriteComparison(results, r.GetValue(loss), o);
                else
                    Write(results[0], r.GetValue(loss), o);
            });
            return run(plan, new TrainingRequest(r.GetValue(shard) ?? Shard.Whole, r.GetValue(checkpoint),
                new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null)));
        });
        return command;
    }

    private static void Write(CollapseTrainingResult result, LossOption loss, TrainingOutput o)
    {
        var report = result.Report;
        string stem = Path.Combine(o.OutDirectory, $"{Name}-{report.Target}-{Lower(loss)}");
        ExperimentFiles.Write(stem, Json.Serialize(report), TrainCollapseCsv.Build(report),
            o.Figures is null ? null : s => TrainCollapsePlot.Save(result, o.Figures, s), () => TrainCollapseTableView.Build(report), o.Format,
            TrainCollapseTableView.Note(report), o.Inputs);
    }

    private static void WriteComparison(CollapseTrainingResult[] results, LossOption loss, TrainingOutput o)
    {
        var reports = results.Select(x => x.Report).ToArray();
        string stem = Path.Combine(o.OutDirectory, $"{Name}-{reports[0].Target}-{Lower(loss)}-optimizers");
        ExperimentFiles.Write(stem, Json.Serialize(reports), OptimizerComparisonView.Csv(reports), null, () => OptimizerComparisonView.Build(reports), o.Format,
            OptimizerComparisonView.Note(reports), o.Inputs);
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
