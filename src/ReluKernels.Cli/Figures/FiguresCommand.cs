using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using Spectre.Console;

namespace ReluKernels.Cli.Figures;

/// <summary>
/// <c>relukernels figures</c>: every figure and table of the five papers (<see cref="FigureCatalogue"/>), each made by
/// its own command run in process into <c>{out}/{paper}/{id}/</c>, then <c>{out}/index.html</c> (<see cref="FigureReport"/>).
/// One failing figure does not stop the others; the exit code is 1 if any failed.
/// </summary>
public static class FiguresCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "figures";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer trials, runs and epochs: a few minutes on 2 cores for every figure (the default)." };
        var paper = new Option<bool>("--paper") { Description = "The papers' scale (hours for some training figures)." };
        var only = new Option<FigureEntry[]>("--only")
        {
            Description = "Only these figures: comma-separated paper ids (lu-2019, shin-2020, berner-2019, milkert-2023, agarwal-2021) or paper/figure ids (lu-2019/fig-6a); docs/figures.md lists them.",
            HelpName = "IDS",
            CustomParser = r => ParseOnly(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", r.AddError),
        };
        var seed = CommonOptions.Seed();
        seed.Description = "Seed for every command that takes one; passed on only when given (each command's default is 1).";
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        output.Description = "Directory for index.html and one folder per paper and figure.";
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name, "Every figure and table of the five papers ReluKernels reproduces, each by its own command, and index.html, a report a browser opens.")
        {
            quick, paper, only, seed, threads, output, noPlot, dpi,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(quick) && r.GetValue(paper))
                r.AddError("--quick and --paper cannot be combined (choose one scale)");
        });
        command.SetAction(r =>
        {
            var catalogue = FigureCatalogue.Default;
            if (r.GetValue(only) is { Length: > 0 } chosen)
                catalogue = catalogue.Subset(chosen);
            // Only what was given is passed on, so each command line in the report is as short as the user's.
            var forwarded = new List<string[]>();
            foreach (var option in new Option[] { seed, threads, dpi })
                if (r.WasGiven(option))
                    forwarded.Add([option.Name, r.GetResult(option)!.Tokens[0].Value]);
            if (r.GetValue(noPlot))
                forwarded.Add([noPlot.Name]);
            return Run(catalogue, r.GetValue(paper) ? FigureScale.Paper : FigureScale.Quick, r.GetValue(output)!, new FigureRunner(forwarded));
        });
        return command;
    }

    private static int Run(FigureCatalogue catalogue, FigureScale scale, string outDirectory, FigureRunner runner)
    {
        var console = StandardOutput.Create();
        var provenance = Provenance.Current;
        var runs = RunAll(catalogue, scale, outDirectory, runner);
        string report = FigureReport.Write(outDirectory, catalogue, runs, scale, provenance);
        ProvenanceSidecar.Write(Path.Combine(outDirectory, Path.GetFileNameWithoutExtension(FigureReport.FileName)), [report], []);
        console.Write(SummaryTable(runs));
        console.WriteLine($"Report: {report}");
        var interrupted = runs.FirstOrDefault(r => r.ExitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm);
        if (interrupted is not null)
            return CliErrors.Report(Console.Error, interrupted.ExitCode, $"interrupted during {interrupted.Entry.Key}; the report holds the figures made before it");
        var failed = runs.Where(r => r.Status == FigureStatus.Failed).ToArray();
        return failed.Length == 0
            ? ExitCodes.Success
            : CliErrors.Report(Console.Error, ExitCodes.RuntimeFailure, $"{failed.Length} of {runs.Count} figures failed: {string.Join(", ", failed.Select(f => f.Entry.Key))}");
    }

    // A live progress bar on standard error when it is a terminal (the commands' own bars are suppressed meanwhile);
    // nothing otherwise, like every other command. A signal stops the loop after the figure it interrupted.
    private static List<FigureRun> RunAll(FigureCatalogue catalogue, FigureScale scale, string outDirectory, FigureRunner runner)
    {
        var runs = new List<FigureRun>();
        void Loop(Action<FigureEntry>? starting)
        {
            foreach (var entry in catalogue.Figures)
            {
                starting?.Invoke(entry);
                var run = runner.Run(entry, scale, outDirectory);
                runs.Add(run);
                if (run.ExitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm)
                    break;
            }
        }
        if (Console.IsErrorRedirected)
        {
            Loop(null);
            return runs;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("figures", maxValue: catalogue.Figures.Count);
                Loop(entry =>
                {
                    task.Value = runs.Count;
                    task.Description = Markup.Escape($"{entry.Key} ({runs.Count + 1}/{catalogue.Figures.Count})");
                });
                task.Value = runs.Count;
            });
        return runs;
    }

    private static Table SummaryTable(IReadOnlyList<FigureRun> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("figure", "command", "seconds", "status");
        table.Columns[2].RightAligned();
        foreach (var run in runs)
        {
            string command = run.Arguments.Count == 0 ? "" : string.Join(' ', new[] { CliErrors.ProgramName }.Concat(run.Arguments).Select(Provenance.Quote));
            table.AddRow(Markup.Escape(run.Entry.Key), Markup.Escape(command),
                run.Status == FigureStatus.NotReproduced ? "" : run.Seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(FigureReport.StatusText(run)));
        }
        return table;
    }

    private static FigureEntry[] ParseOnly(string text, Action<string> error)
    {
        var catalogue = FigureCatalogue.Default;
        var chosen = new List<FigureEntry>();
        foreach (string id in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var entries = id.Contains('/', StringComparison.Ordinal)
                ? catalogue.Find(id) is { } entry ? [entry] : []
                : catalogue.Figures.Where(f => string.Equals(f.Paper, id, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (entries.Length == 0)
            {
                error($"--only: '{id}' is neither a paper ({string.Join(", ", catalogue.Papers.Select(p => p.Id))}) nor a paper/figure id of the catalogue (docs/figures.md)");
                return [];
            }
            chosen.AddRange(entries.Where(e => !chosen.Contains(e)));
        }
        return [.. chosen];
    }
}
