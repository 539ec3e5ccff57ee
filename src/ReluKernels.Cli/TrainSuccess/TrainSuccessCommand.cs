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

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>
/// <c>relukernels train-success</c>: Shin &amp; Karniadakis 2020, §5.1 (Figs. 4–5, left) — the empirical probability that a shallow ReLU
/// network with random biases trains successfully, per width, beside Theorem 3's trainability, which bounds it from above.
/// </summary>
public static class TrainSuccessCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "train-success";

    /// <summary>The most runs per width (memory and output grow linearly in them: about 1 kB per run, docs/reliability.md).</summary>
    public const int MaxRuns = 100_000;

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(TrainingShardRunner.Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static TrainingPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) => TrainingPlans.Parse(Create, arguments);

    private static Command Create(Func<TrainingPlan, TrainingRequest, int> run)
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
        var runs = TrainingCliOptions.Runs($"Trainings per width (default {TrainingSuccessDefaults.RunsPerWidth}, as Shin & Karniadakis (2020); at most {MaxRuns}).", MaxRuns);
        var epochs = TrainingCliOptions.Epochs($"Epochs per training (default {TrainingSuccessDefaults.Epochs}; --paper: {TrainingSuccessDefaults.PaperEpochs:N0}).");
        var lr = TrainingCliOptions.LearningRate($"Learning rate (default {TrainingSuccessDefaults.LearningRate}; --paper: {TrainingSuccessDefaults.PaperLearningRate}).");
        var optimizer = TrainingCliOptions.Optimizer("Optimizer: adam (default), sgd (--paper), momentum, nesterov, adagrad, adadelta, rmsprop, bfgs or lbfgs.");
        var momentum = TrainingCliOptions.Momentum();
        var batch = TrainingCliOptions.BatchSize($"Mini-batch size (default {TrainingSuccessDefaults.BatchSize}, as Shin & Karniadakis (2020); 0 = full batch).");
        var paper = TrainingCliOptions.Paper($"Shin & Karniadakis's settings: SGD, lr {TrainingSuccessDefaults.PaperLearningRate}, {TrainingSuccessDefaults.PaperEpochs:N0} epochs, "
            + $"{TrainingSuccessDefaults.RunsPerWidth} runs per width (about 12 hours on 2 cores; see docs/experiments/training.md).");
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the runs r with r mod n = k of every width and write them");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Empirical training-success probability of shallow ReLU networks with random biases vs width, beside Theorem 3's trainability (Shin & Karniadakis 2020, Figs. 4–5).")
        {
            targets, widths, runs, epochs, lr, optimizer, momentum, batch, paper, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var defaultOptimizer = isPaper ? TrainingSuccessDefaults.PaperOptimizer : TrainingSuccessDefaults.Optimizer;
            var optimizerSettings = r.OptimizerSettings(r.ValueOr(optimizer, OptimizerKindExtensions.KindOf(defaultOptimizer)), lr, momentum,
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
            var kind = r.ValueOr(optimizer, OptimizerKindExtensions.KindOf(defaultOptimizer));
            // Everything the runs depend on, resolved (no --paper), in command-line form; --widths only when given, as its default depends on the target.
            var arguments = new Dictionary<string, string>
            {
                ["targets"] = string.Join(',', r.ValueOr(targets, targetNames)),
                ["runs"] = I(parallel.Runs),
                ["epochs"] = I(training.MaxEpochs),
                ["optimizer"] = kind.ToString().ToLowerInvariant(),
                ["batch-size"] = I(training.BatchSize),
                ["seed"] = parallel.Seed.ToString(CultureInfo.InvariantCulture),
            };
            if (optimizerSettings is FirstOrderSettings firstOrder)
                arguments["lr"] = firstOrder.LearningRate.ToString("R", CultureInfo.InvariantCulture);
            if (kind.UsesMomentum())
                arguments["momentum"] = r.GetValue(momentum).ToString("R", CultureInfo.InvariantCulture);
            if (r.WasGiven(widths))
                arguments["widths"] = IntList.Format(r.GetValue(widths)!);
            var setups = jobs.Select(j => new TrainingSuccessSetup { Problem = j.Problem, Training = training, Parallel = parallel }).ToArray();
            var cells = jobs.Select((j, i) => new TrainingCell($"{j.Problem.Name} width {I(j.Width)}", TrainingSuccessExperiment.ArchitectureFor(j.Width),
                training.MaxEpochs, parallel,
                (indices, progress, finished, cancellation) => TrainingSuccessExperiment.Train(j.Width, setups[i], indices, progress, finished, cancellation),
                () => TrainingSuccessExperiment.Initializer, () => TrainingSuccessExperiment.Classifier(setups[i]))).ToArray();
            var plan = new TrainingPlan(Name, arguments, cells, (batches, o) =>
                Write([.. batches.Select((b, i) => TrainingSuccessExperiment.Report(setups[i], jobs[i].Width, b.Kernel, b.Runs))], o));
            return run(plan, new TrainingRequest(r.GetValue(shard) ?? Shard.Whole, r.GetValue(checkpoint),
                new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null)));
        });
        return command;
    }

    private static void Write(TrainingSuccessReport[] reports, TrainingOutput o) =>
        ExperimentFiles.Write(Path.Combine(o.OutDirectory, Name), Json.Serialize(reports), TrainSuccessCsv.Build(reports),
            o.Figures is null ? null : stem => TrainSuccessPlot.Save(reports, o.Figures, stem), () => TrainSuccessTableView.Build(reports), o.Format,
            TrainSuccessTableView.Note(reports), o.Inputs);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
