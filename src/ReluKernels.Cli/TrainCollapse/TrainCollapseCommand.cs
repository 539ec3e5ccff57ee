using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
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
    /// <summary>Creates the command.</summary>
    public static Command Create()
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
        var runs = TrainingCliOptions.Runs($"Independent trainings (default {CollapseTrainingDefaults.Runs}; --paper: {CollapseTrainingDefaults.PaperRuns}).");
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {CollapseTrainingDefaults.Epochs}; --paper: {CollapseTrainingDefaults.PaperEpochs}).");
        var lr = TrainingCliOptions.LearningRate($"Learning rate (default {CollapseTrainingDefaults.LearningRate}).");
        var optimizer = TrainingCliOptions.Optimizer("Optimizer: adam (default), sgd, momentum or nesterov.");
        var momentum = TrainingCliOptions.Momentum();
        var batch = TrainingCliOptions.BatchSize($"Mini-batch size (default {CollapseTrainingDefaults.BatchSize}, as Lu et al. (2019); 0 = full batch).");
        var paper = TrainingCliOptions.Paper($"Paper scale: {CollapseTrainingDefaults.PaperRuns} runs of {CollapseTrainingDefaults.PaperEpochs} epochs ({CollapseTrainingDefaults.PaperScaleNote}).");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("train-collapse",
            "Train many deep narrow ReLU networks (Lu et al. 2019: width 2, 10 layers) and count how many collapse to the mean (MSE) or median (MAE) of the target.")
        {
            target, loss, width, depth, runs, epochs, lr, optimizer, momentum, batch, paper, seed, threads, output, format, noPlot,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var optimizerSettings = r.OptimizerSettings(optimizer, lr, momentum, OptimizerKind.Adam, CollapseTrainingDefaults.LearningRate);
            var problem = Problems.Named(r.GetValue(target)!);
            int w = r.ValueOr(width, CollapseTrainingExperiment.ArchitectureFor(problem).Width);
            var architecture = new NetworkArchitecture(w, r.GetValue(depth), problem.Target.InputDim, problem.Target.OutputDim);
            int epochCount = r.ValueOr(epochs, isPaper ? CollapseTrainingDefaults.PaperEpochs : CollapseTrainingDefaults.Epochs);
            var setup = new CollapseTrainingSetup
            {
                Problem = problem,
                Architecture = architecture,
                Training = new TrainingOptions
                {
                    Optimizer = optimizerSettings,
                    Loss = r.GetValue(loss).ToLossFunction(),
                    BatchSize = r.ValueOr(batch, CollapseTrainingDefaults.BatchSize),
                    MaxEpochs = epochCount,
                },
                Parallel = new ParallelTrainingOptions
                {
                    Seed = r.GetValue(seed),
                    Runs = r.ValueOr(runs, isPaper ? CollapseTrainingDefaults.PaperRuns : CollapseTrainingDefaults.Runs),
                    Threads = r.GetValue(threads),
                    HistoryInterval = Math.Max(1, epochCount / 200),
                },
            };
            return Run(setup, r.GetValue(loss), r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot));
        });
        return command;
    }

    private static int Run(CollapseTrainingSetup setup, LossOption loss, string outDirectory, OutputFormat format, bool noPlot)
    {
        using var interrupt = new Interrupt();
        CollapseTrainingResult result;
        try
        {
            result = ProgressDisplay.Run("train-collapse", interrupt, progress => CollapseTrainingExperiment.Run(setup,
                progress is null ? null : new CallbackProgress<int>(done => progress(done, setup.Parallel.Runs)), interrupt.Token));
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        var report = result.Report;
        string stem = Path.Combine(outDirectory, $"train-collapse-{report.Target}-{loss.ToString().ToLowerInvariant()}");
        ExperimentFiles.Write(stem, Json.Serialize(report), TrainCollapseCsv.Build(report),
            noPlot ? null : s => TrainCollapsePlot.Save(result, s), () => TrainCollapseTableView.Build(report), format,
            TrainCollapseTableView.Note(report));
        return ExitCodes.Success;
    }
}
