using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Training;
using ReluKernels.Experiments;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>
/// <c>relukernels train-collapse</c>: Lu et al.'s training experiment (Figs. 1–5) — many trainings of a deep, narrow ReLU
/// network on one target, counting how many collapse to a constant and whether that constant is the targets' mean or
/// median.
/// </summary>
public static class TrainCollapseCommand
{
    /// <summary>The targets of Lu et al. 2019, Sec. 2.</summary>
    public static readonly string[] TargetNames = ["abs", "xsin5x", "step-sine", "abs-sum-diff"];

    private const int DefaultRuns = 1000, PaperRuns = 1000;
    private const int DefaultEpochs = 1000, PaperEpochs = 5000;
    private const double DefaultLearningRate = 1e-3;
    private const int BatchSize = 128;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var target = new Option<string>("--target")
        {
            Description = $"Target: {string.Join(", ", TargetNames)} (Lu et al. 2019, Figs. 1–4).",
            DefaultValueFactory = _ => "abs",
        };
        target.AcceptOnlyFromAmong(TargetNames);
        var loss = TrainingCliOptions.Loss();
        var width = CommonOptions.IntInRange("--width", "Hidden width (default 2; 4 for abs-sum-diff, as Lu et al. 2019, Fig. 4)", 2, ShapeLimits.MinWidth, ShapeLimits.MaxWidth);
        var depth = CommonOptions.IntInRange("--depth", $"Hidden ReLU layers (default {CollapseTrainingExperiment.Depth}: Lu et al.'s \"10-layer\" network counts the affine output layer)",
            CollapseTrainingExperiment.Depth, ShapeLimits.MinDepth, ShapeLimits.MaxDepth);
        var runs = TrainingCliOptions.Runs($"Independent trainings (default {DefaultRuns}; --paper: {PaperRuns}).");
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {DefaultEpochs}; --paper: {PaperEpochs}).");
        var lr = TrainingCliOptions.LearningRate($"Learning rate (default {DefaultLearningRate}).");
        var optimizer = TrainingCliOptions.Optimizer("Optimizer: adam (default), sgd, momentum or nesterov.");
        var momentum = TrainingCliOptions.Momentum();
        var batch = TrainingCliOptions.BatchSize($"Mini-batch size (default {BatchSize}, as Lu et al. (2019); 0 = full batch).");
        var paper = TrainingCliOptions.Paper($"Paper scale: {PaperRuns} runs of {PaperEpochs} epochs (Lu et al. 2019 states neither; see docs/experiments/training.md).");
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
            var optimizerSettings = r.OptimizerSettings(optimizer, lr, momentum, OptimizerKind.Adam, DefaultLearningRate);
            var problem = Problems.Named(r.GetValue(target)!);
            int w = r.ValueOr(width, problem.Target.InputDim == 1 ? 2 : 4);
            var architecture = new NetworkArchitecture(w, r.GetValue(depth), problem.Target.InputDim, problem.Target.OutputDim);
            int epochCount = r.ValueOr(epochs, isPaper ? PaperEpochs : DefaultEpochs);
            var setup = new CollapseTrainingSetup
            {
                Problem = problem,
                Architecture = architecture,
                Training = new TrainingOptions
                {
                    Optimizer = optimizerSettings,
                    Loss = r.GetValue(loss).ToLossFunction(),
                    BatchSize = r.ValueOr(batch, BatchSize),
                    MaxEpochs = epochCount,
                },
                Parallel = new ParallelTrainingOptions
                {
                    Seed = r.GetValue(seed),
                    Runs = r.ValueOr(runs, isPaper ? PaperRuns : DefaultRuns),
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
            result = ProgressDisplay.Run("train-collapse", progress => TrainingKernels.Run(setup.Architecture,
                new Job(setup, progress is null ? null : new CallbackProgress<int>(done => progress(done, setup.Parallel.Runs)), interrupt.Token)));
        }
        catch (OperationCanceledException)
        {
            return CliErrors.Report(Console.Error, ExitCodes.RuntimeFailure, "interrupted");
        }
        var report = result.Report;
        string stem = Path.Combine(outDirectory, $"train-collapse-{report.Target}-{loss.ToString().ToLowerInvariant()}");
        ExperimentFiles.Write(stem, Json.Serialize(report), TrainCollapseCsv.Build(report),
            noPlot ? null : s => TrainCollapsePlot.Save(result, s), () => TrainCollapseTableView.Build(report), format,
            TrainCollapseTableView.Note(report));
        return ExitCodes.Success;
    }

    private sealed class Job(CollapseTrainingSetup setup, IProgress<int>? progress, CancellationToken cancellation) : ITrainingJob<CollapseTrainingResult>
    {
        public CollapseTrainingResult Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float> =>
            CollapseTrainingExperiment.Run(kernel, setup, progress, cancellation);
    }
}
