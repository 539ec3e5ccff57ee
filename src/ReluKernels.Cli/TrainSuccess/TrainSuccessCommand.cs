using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>
/// <c>relukernels train-success</c>: Shin &amp; Karniadakis 2020, §5.1 (Figs. 4–5, left) — the empirical probability that a shallow ReLU
/// network with random biases trains successfully, per width, beside Theorem 3's trainability, which bounds it from above.
/// </summary>
public static class TrainSuccessCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        string[] targetNames = [.. TrainingSuccessDefaults.Targets];
        var targets = new Option<string[]>("--targets")
        {
            Description = "Targets, comma-separated: f1 (|x|, needs m = 2 active neurons) and/or f2 (needs m = 4); default both.",
            CustomParser = r =>
            {
                var names = (r.Tokens.Count == 1 ? r.Tokens[0].Value : "").Split(',', StringSplitOptions.TrimEntries);
                foreach (string bad in names.Where(n => !targetNames.Contains(n)).Take(1))
                    r.AddError($"--targets: unknown target '{bad}' (known: {string.Join(", ", targetNames)})");
                return [.. names.Distinct()];
            },
        };
        string defaultWidths = string.Join("; ", targetNames.Select(t => $"{t}: {string.Join(",", TrainingSuccessDefaults.Widths(t))}"));
        var widths = CommonOptions.IntList("--widths", $"Hidden widths n (default {defaultWidths})", ShapeLimits.MinWidth, ShapeLimits.MaxWidth, "e.g. 2..10");
        var runs = TrainingCliOptions.Runs($"Trainings per width (default {TrainingSuccessDefaults.RunsPerWidth}, as Shin & Karniadakis (2020)).");
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {TrainingSuccessDefaults.Epochs}; --paper: {TrainingSuccessDefaults.PaperEpochs:N0}).");
        var lr = TrainingCliOptions.LearningRate($"Learning rate (default {TrainingSuccessDefaults.LearningRate}; --paper: {TrainingSuccessDefaults.PaperLearningRate}).");
        var optimizer = TrainingCliOptions.Optimizer("Optimizer: adam (default), sgd (--paper), momentum or nesterov.");
        var momentum = TrainingCliOptions.Momentum();
        var batch = TrainingCliOptions.BatchSize($"Mini-batch size (default {TrainingSuccessDefaults.BatchSize}, as Shin & Karniadakis (2020); 0 = full batch).");
        var paper = TrainingCliOptions.Paper($"Shin & Karniadakis's settings: SGD, lr {TrainingSuccessDefaults.PaperLearningRate}, {TrainingSuccessDefaults.PaperEpochs:N0} epochs, "
            + $"{TrainingSuccessDefaults.RunsPerWidth} runs per width (about 12 hours on 2 cores; see docs/experiments/training.md).");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("train-success",
            "Empirical training-success probability of shallow ReLU networks with random biases vs width, beside Theorem 3's trainability (Shin & Karniadakis 2020, Figs. 4–5).")
        {
            targets, widths, runs, epochs, lr, optimizer, momentum, batch, paper, seed, threads, output, format, noPlot,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var defaultOptimizer = isPaper ? TrainingSuccessDefaults.PaperOptimizer : TrainingSuccessDefaults.Optimizer;
            var optimizerSettings = r.OptimizerSettings(optimizer, lr, momentum, OptimizerKindExtensions.KindOf(defaultOptimizer),
                defaultOptimizer.LearningRate);
            var jobs = new List<(TargetProblem Problem, int Width)>();
            foreach (string name in r.ValueOr(targets, targetNames))
            {
                var problem = Problems.Named(name);
                int m = TrainingSuccessExperiment.RequiredNeurons(problem);
                var list = r.ValueOr(widths, [.. TrainingSuccessDefaults.Widths(name)]);
                foreach (int w in list.Where(w => w < m).Take(1))
                    throw new UsageException($"--widths: width {w} is below the m = {m} active neurons {name} needs (Theorem 3 needs n ≥ m)");
                jobs.AddRange(list.Distinct().Select(w => (problem, w)));
            }
            var training = new TrainingOptions
            {
                Optimizer = optimizerSettings,
                Loss = LossFunction.MeanSquaredError,
                BatchSize = r.ValueOr(batch, TrainingSuccessDefaults.BatchSize),
                MaxEpochs = r.ValueOr(epochs, isPaper ? TrainingSuccessDefaults.PaperEpochs : TrainingSuccessDefaults.Epochs),
            };
            var parallel = new ParallelTrainingOptions
            {
                Seed = r.GetValue(seed),
                Runs = r.ValueOr(runs, TrainingSuccessDefaults.RunsPerWidth),
                Threads = r.GetValue(threads),
            };
            return Run(jobs, training, parallel, r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot));
        });
        return command;
    }

    private static int Run(List<(TargetProblem Problem, int Width)> jobs, TrainingOptions training, ParallelTrainingOptions parallel,
        string outDirectory, OutputFormat format, bool noPlot)
    {
        using var interrupt = new Interrupt();
        TrainingSuccessReport[] reports;
        try
        {
            reports = ProgressDisplay.Run("train-success", interrupt, progress =>
            {
                var done = new TrainingSuccessReport[jobs.Count];
                long total = (long)jobs.Count * parallel.Runs;
                for (int i = 0; i < jobs.Count; i++)
                {
                    long before = (long)i * parallel.Runs;
                    var setup = new TrainingSuccessSetup { Problem = jobs[i].Problem, Training = training, Parallel = parallel };
                    var report = progress is null ? null : new CallbackProgress<int>(finished => progress(before + finished, total));
                    done[i] = TrainingSuccessExperiment.Run(jobs[i].Width, setup, report, interrupt.Token);
                }
                return done;
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        ExperimentFiles.Write(Path.Combine(outDirectory, "train-success"), Json.Serialize(reports), TrainSuccessCsv.Build(reports),
            noPlot ? null : stem => TrainSuccessPlot.Save(reports, stem), () => TrainSuccessTableView.Build(reports), format,
            TrainSuccessTableView.Note(reports));
        return ExitCodes.Success;
    }
}
