using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
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
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json",
            "shard k/n of every figure's command into its folder (a command that does not shard, such as activations, runs whole in shard 0) and list what it ran");
        var command = new Command(Name, "Every figure and table of the five papers ReluKernels reproduces, each by its own command, and index.html, a report a browser opens.")
        {
            quick, paper, only, seed, threads, output, noPlot, dpi, shard,
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
            var scale = r.GetValue(paper) ? FigureScale.Paper : FigureScale.Quick;
            var runner = new FigureRunner(forwarded);
            // Shard 0 of 1 is the whole run, as for every sharded command.
            return r.GetValue(shard) is { IsWhole: false } part
                ? RunShard(new FigureShardRun(scale, catalogue, forwarded), part, r.GetValue(output)!, runner)
                : Run(catalogue, scale, r.GetValue(output)!, runner);
        });
        return command;
    }

    private static int Run(FigureCatalogue catalogue, FigureScale scale, string outDirectory, FigureRunner runner)
    {
        var runs = RunAll(catalogue, entry => runner.Run(entry, scale, outDirectory));
        Report(catalogue, scale, outDirectory, runs, []);
        return Interrupted(runs, "the report holds the figures made before it") ?? Failed(runs);
    }

    // Every entry's shard k/n (or, in shard 0, the whole of an entry that does not shard), then the manifest that a merge reads.
    private static int RunShard(FigureShardRun run, Shard shard, string outDirectory, FigureRunner runner)
    {
        var manifest = new List<FigureShardEntry>();
        var runs = RunAll(run.Catalogue, entry =>
        {
            var part = entry.NotReproduced is not null ? FigureShardPart.NotReproduced
                : runner.Shards(entry) ? FigureShardPart.Sharded
                : shard.Index == 0 ? FigureShardPart.Whole : FigureShardPart.InShardZero;
            var figure = part switch
            {
                FigureShardPart.Sharded => runner.Run(entry, run.Scale, outDirectory, shard),
                FigureShardPart.InShardZero => null,
                _ => runner.Run(entry, run.Scale, outDirectory),
            };
            string? file = part == FigureShardPart.Sharded && figure!.Status == FigureStatus.Ok
                ? Path.GetRelativePath(outDirectory, FigureShardManifest.ShardFileIn(figure.Directory, shard)).Replace(Path.DirectorySeparatorChar, '/')
                : null;
            manifest.Add(new FigureShardEntry(entry.Key, part, figure?.ExitCode ?? ExitCodes.Success, figure?.Message, file));
            return figure;
        });
        if (Interrupted(runs, "this shard wrote no manifest; run it again") is { } code)
            return code;
        var console = StandardOutput.Create();
        console.Write(SummaryTable(runs));
        ShardResult.Write(outDirectory, Name, run.ToArguments(), shard, new FigureShardManifest(manifest));
        return Failed(runs);
    }

    /// <summary>
    /// Writes <c>{outDirectory}/index.html</c> of <paramref name="runs"/> and its provenance sidecar (with <paramref name="inputs"/>,
    /// the shard manifests of a merge) and prints the summary table.
    /// </summary>
    public static void Report(FigureCatalogue catalogue, FigureScale scale, string outDirectory, IReadOnlyList<FigureRun> runs, IReadOnlyList<ProvenanceInput> inputs)
    {
        var console = StandardOutput.Create();
        string report = FigureReport.Write(outDirectory, catalogue, runs, scale, Provenance.Current);
        ProvenanceSidecar.Write(Path.Combine(outDirectory, Path.GetFileNameWithoutExtension(FigureReport.FileName)), [report], inputs);
        console.Write(SummaryTable(runs));
        console.WriteLine($"Report: {report}");
    }

    private static int? Interrupted(List<FigureRun> runs, string consequence)
    {
        var interrupted = runs.FirstOrDefault(r => r.ExitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm);
        return interrupted is null ? null
            : CliErrors.Report(Console.Error, interrupted.ExitCode, $"interrupted during {interrupted.Entry.Key}; {consequence}");
    }

    private static int Failed(List<FigureRun> runs)
    {
        var failed = runs.Where(r => r.Status == FigureStatus.Failed).ToArray();
        return failed.Length == 0
            ? ExitCodes.Success
            : CliErrors.Report(Console.Error, ExitCodes.RuntimeFailure, $"{failed.Length} of {runs.Count} figures failed: {string.Join(", ", failed.Select(f => f.Entry.Key))}");
    }

    // A live progress bar on standard error when it is a terminal (the commands' own bars are suppressed meanwhile);
    // nothing otherwise, like every other command. A signal stops the loop after the figure it interrupted. `run` returns
    // null for an entry it leaves to another shard.
    private static List<FigureRun> RunAll(FigureCatalogue catalogue, Func<FigureEntry, FigureRun?> run)
    {
        var runs = new List<FigureRun>();
        void Loop(Action<int, FigureEntry>? starting)
        {
            foreach (var (index, entry) in catalogue.Figures.Index())
            {
                starting?.Invoke(index, entry);
                if (run(entry) is not { } figure)
                    continue;
                runs.Add(figure);
                if (figure.ExitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm)
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
                Loop((index, entry) =>
                {
                    task.Value = index;
                    task.Description = Markup.Escape($"{entry.Key} ({index + 1}/{catalogue.Figures.Count})");
                });
                task.Value = catalogue.Figures.Count;
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
