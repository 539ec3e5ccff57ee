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

namespace ReluKernels.Cli.InitCompare;

/// <summary>
/// <c>relukernels init-compare</c>: Shin &amp; Karniadakis's comparison of He with bias, He without bias and the data-dependent
/// initialisation on the Fig. 3 task (sin 4πx + sin 6πx, width 500, Adam) and the Fig. 6 tasks (f₃, f₄, width 100, gradient
/// descent with momentum): RMSE curves over seeds and dead neurons after training.
/// </summary>
public static class InitCompareCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "init-compare";

    /// <summary>
    /// The most runs per initialisation and task. Every run keeps its trained parameters (1,501 for width 500) and a loss history of
    /// about 200 points for the curves, about 15 kB in memory and in a shard file (docs/reliability.md).
    /// </summary>
    public const int MaxRuns = 10_000;

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(TrainingShardRunner.Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static TrainingPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) => TrainingPlans.Parse(Create, arguments);

    private static Command Create(Func<TrainingPlan, TrainingRequest, int> run)
    {
        string[] names = [.. InitComparisonTask.All.Select(t => t.Name)];
        var tasks = new Option<string[]>("--tasks")
        {
            Description = $"Tasks, comma-separated: {string.Join(", ", names)} (default all).",
            CustomParser = r =>
            {
                var given = (r.Tokens.Count == 1 ? r.Tokens[0].Value : "").Split(',', StringSplitOptions.TrimEntries);
                foreach (string bad in given.Where(n => !names.Contains(n)).Take(1))
                    r.AddError($"--tasks: unknown task '{bad}' (known: {string.Join(", ", names)})");
                return [.. given.Distinct()];
            },
        };
        var seeds = TrainingCliOptions.Runs($"Trainings (runs 0, 1, … of --seed) per initialisation and task (default {InitComparisonDefaults.RunsPerInitialization}, as Shin & Karniadakis 2020, Fig. 6; at most {MaxRuns}).", MaxRuns);
        var epochs = TrainingCliOptions.Epochs($"Epochs for every task ({EpochsByTask()}).");
        var paper = TrainingCliOptions.Paper($"Paper scale: {InitComparisonDefaults.PaperScaleNote}.");
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the runs r with r mod n = k of every task and initialisation and write them");
        var checkpoint = CommonOptions.Checkpoint();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "He with bias vs He without bias vs data-dependent initialisation (Shin & Karniadakis 2020, Figs. 3 and 6): training RMSE curves and dead neurons.")
        {
            tasks, seeds, epochs, paper, shard, checkpoint, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            bool isPaper = r.GetValue(paper);
            var chosen = InitComparisonTask.All.Where(t => r.ValueOr(tasks, names).Contains(t.Name))
                .Select(t => (Task: t, Epochs: r.ValueOr(epochs, isPaper ? t.PaperEpochs : t.DefaultEpochs))).ToArray();
            var parallel = new ParallelTrainingOptions
            {
                Seed = r.GetValue(seed),
                Runs = r.ValueOr(seeds, InitComparisonDefaults.RunsPerInitialization),
                Threads = r.GetValue(threads),
            };
            // Everything the runs depend on in command-line form; --epochs when given, else --paper, as the default epochs depend on the task.
            var arguments = new Dictionary<string, string>
            {
                ["tasks"] = string.Join(',', chosen.Select(t => t.Task.Name)),
                ["runs"] = parallel.Runs.ToString(CultureInfo.InvariantCulture),
                ["seed"] = parallel.Seed.ToString(CultureInfo.InvariantCulture),
            };
            if (r.WasGiven(epochs))
                arguments["epochs"] = r.GetValue(epochs).ToString(CultureInfo.InvariantCulture);
            else if (isPaper)
                arguments["paper"] = "true";
            var cells = chosen.SelectMany(t => InitComparisonExperiment.InitializerNames.Select((name, i) => new TrainingCell($"{t.Task.Name} {name}",
                t.Task.Architecture, t.Epochs, InitComparisonExperiment.WithHistory(parallel, t.Epochs),
                (indices, progress, finished, cancellation) => new TrainingBatch(
                    Kernel, InitComparisonExperiment.Train(t.Task, t.Epochs, parallel, i, indices, progress, finished, cancellation)),
                () => InitComparisonExperiment.Initializers(t.Task, parallel.Seed)[i], () => InitComparisonExperiment.Classifier(t.Task, parallel.Seed)))).ToArray();
            int perTask = InitComparisonExperiment.InitializerNames.Count;
            var plan = new TrainingPlan(Name, arguments, cells, (batches, o) => Write([.. chosen.Select((t, k) => InitComparisonExperiment.Result(t.Task, t.Epochs, parallel,
                [.. batches.Skip(k * perTask).Take(perTask).Select(b => b.Runs.ToArray())]))], o));
            return run(plan, new TrainingRequest(r.GetValue(shard) ?? Shard.Whole, r.GetValue(checkpoint),
                new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null)));
        });
        return command;
    }

    // The networks are wider than the generator's limit, so every task trains on the generic kernel; its reports name no kernel.
    private const string Kernel = "generic";

    /// <summary>Each task's default and paper-scale epochs, tasks that share both named together: "default: two-sines 3,000, f3/f4 5,000; --paper: 15,000 and 10,000".</summary>
    private static string EpochsByTask()
    {
        var groups = InitComparisonTask.All.GroupBy(t => (t.DefaultEpochs, t.PaperEpochs)).ToArray();
        static string N(int epochs) => epochs.ToString("N0", CultureInfo.InvariantCulture);
        return $"default: {string.Join(", ", groups.Select(g => $"{string.Join("/", g.Select(t => t.Name))} {N(g.Key.DefaultEpochs)}"))}; "
            + $"--paper: {string.Join(" and ", groups.Select(g => N(g.Key.PaperEpochs)))}";
    }

    private static void Write(InitComparisonResult[] results, TrainingOutput o)
    {
        var reports = results.SelectMany(x => x.Reports).ToArray();
        ExperimentFiles.Write(Path.Combine(o.OutDirectory, Name), Json.Serialize(reports), InitCompareCsv.Build(reports),
            o.Figures is null ? null : stem => InitComparePlot.Save(results, o.Figures, stem), () => InitCompareTableView.Build(reports), o.Format,
            InitCompareTableView.Note(reports), o.Inputs);
    }
}
