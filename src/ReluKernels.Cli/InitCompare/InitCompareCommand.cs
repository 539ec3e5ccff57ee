using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;

namespace ReluKernels.Cli.InitCompare;

/// <summary>
/// <c>relukernels init-compare</c>: Shin &amp; Karniadakis's comparison of He with bias, He without bias and the data-dependent
/// initialisation on the Fig. 3 task (sin 4πx + sin 6πx, width 500, Adam) and the Fig. 6 tasks (f₃, f₄, width 100, gradient
/// descent with momentum): RMSE curves over seeds and dead neurons after training.
/// </summary>
public static class InitCompareCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
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
        var seeds = TrainingCliOptions.Runs($"Trainings (runs 0, 1, … of --seed) per initialisation and task (default {InitComparisonDefaults.RunsPerInitialization}, as Shin & Karniadakis 2020, Fig. 6).");
        var epochs = TrainingCliOptions.Epochs($"Epochs for every task ({EpochsByTask()}).");
        var paper = TrainingCliOptions.Paper($"Paper scale: {InitComparisonDefaults.PaperScaleNote}.");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("init-compare",
            "He with bias vs He without bias vs data-dependent initialisation (Shin & Karniadakis 2020, Figs. 3 and 6): training RMSE curves and dead neurons.")
        {
            tasks, seeds, epochs, paper, seed, threads, output, format, noPlot,
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
            return Run(chosen, parallel, r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot));
        });
        return command;
    }

    /// <summary>Each task's default and paper-scale epochs, tasks that share both named together: "default: two-sines 3,000, f3/f4 5,000; --paper: 15,000 and 10,000".</summary>
    private static string EpochsByTask()
    {
        var groups = InitComparisonTask.All.GroupBy(t => (t.DefaultEpochs, t.PaperEpochs)).ToArray();
        static string N(int epochs) => epochs.ToString("N0", CultureInfo.InvariantCulture);
        return $"default: {string.Join(", ", groups.Select(g => $"{string.Join("/", g.Select(t => t.Name))} {N(g.Key.DefaultEpochs)}"))}; "
            + $"--paper: {string.Join(" and ", groups.Select(g => N(g.Key.PaperEpochs)))}";
    }

    private static int Run((InitComparisonTask Task, int Epochs)[] tasks, ParallelTrainingOptions parallel, string outDirectory,
        OutputFormat format, bool noPlot)
    {
        using var interrupt = new Interrupt();
        InitComparisonResult[] results;
        try
        {
            results = ProgressDisplay.Run("init-compare", interrupt, progress =>
            {
                int perTask = InitComparisonExperiment.InitializerNames.Count * parallel.Runs;
                long total = (long)tasks.Length * perTask;
                var done = new InitComparisonResult[tasks.Length];
                for (int i = 0; i < tasks.Length; i++)
                {
                    long before = (long)i * perTask;
                    var report = progress is null ? null : new CallbackProgress<int>(finished => progress(before + finished, total));
                    done[i] = InitComparisonExperiment.Run(tasks[i].Task, tasks[i].Epochs, parallel, report, interrupt.Token);
                }
                return done;
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        var reports = results.SelectMany(x => x.Reports).ToArray();
        ExperimentFiles.Write(Path.Combine(outDirectory, "init-compare"), Json.Serialize(reports), InitCompareCsv.Build(reports),
            noPlot ? null : stem => InitComparePlot.Save(results, stem), () => InitCompareTableView.Build(reports), format,
            InitCompareTableView.Note(reports));
        return ExitCodes.Success;
    }
}
