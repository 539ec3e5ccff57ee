using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using Spectre.Console;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>
/// <c>relukernels safe-depth</c>: for each width and p, the largest depth whose simulated collapse probability stays
/// below p, beside Eq. (5) of Lu et al. (Fig. 6B).
/// </summary>
public static class SafeDepthCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var widths = CommonOptions.IntList("--widths", "Hidden-layer widths", SafeDepthDefaults.Widths, ShapeLimits.MinWidth, SafeDepthDefaults.MaxWidth);
        var ps = new Option<double[]>("--p")
        {
            Description = $"Collapse probabilities not to exceed, each in (0, 1) (default {string.Join(",", SafeDepthDefaults.Probabilities.Select(p => p.ToString(CultureInfo.InvariantCulture)))}).",
            CustomParser = r =>
            {
                try
                {
                    var values = DoubleList.Parse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "");
                    foreach (double bad in values.Where(p => !(p > 0 && p < 1)).Take(1))
                        r.AddError($"--p: {bad.ToString(CultureInfo.InvariantCulture)} is outside (0, 1)");
                    return values;
                }
                catch (FormatException ex)
                {
                    r.AddError($"--p: {ex.Message}");
                    return [];
                }
            },
        };
        var trials = CommonOptions.Trials(SafeDepthDefaults.Trials, "Networks per width.");
        var weights = CommonOptions.Weights();
        var engine = CommonOptions.Engine();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("safe-depth", "Largest depth whose simulated collapse probability stays below p, beside Eq. (5) (Lu et al. Fig. 6B).")
        {
            widths, ps, trials, weights, engine, seed, threads, output, format, noPlot,
        };
        command.SetAction(r => Run(r.ValueOr(widths, [.. SafeDepthDefaults.Widths]), r.ValueOr(ps, [.. SafeDepthDefaults.Probabilities]), r.GetValue(weights), r.GetValue(engine),
            new MonteCarloOptions { Trials = r.GetValue(trials), Seed = r.GetValue(seed), Threads = r.GetValue(threads) },
            r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot)));
        return command;
    }

    private static int Run(int[] widths, double[] ps, WeightDistribution weights, EngineKind engine, MonteCarloOptions options,
        string outDirectory, OutputFormat format, bool noPlot)
    {
        var experiments = widths.Select(w => new CollapseExperiment(w, ps.Max(p => SafeDepthSearch.DepthToSimulate(w, p)), weights)).ToList();
        foreach (var e in experiments)
            if (CollapseEngines.Unsupported(engine, e) is { } reason)
                throw new UsageException($"--engine {engine}: {reason}");
        using var interrupt = new Interrupt();
        var runner = new CollapseGridRunner(options, checkpoint: null);
        var runs = ProgressDisplay.Run("safe-depth", interrupt, progress => runner.Run(experiments, engine, progress, interrupt.Token));
        if (runs.Any(r => !r.Complete))
            return interrupt.Report();
        var reports = runs.SelectMany(run => SafeDepthSearch.Read(run, ps)).OrderBy(r => r.P).ThenBy(r => r.Width).ToList();

        ExperimentFiles.Write(Path.Combine(outDirectory, "safe-depth"), Json.Serialize(reports), Csv(reports),
            noPlot ? null : stem => SafeDepthPlot.Save(reports, stem), () => Table(reports), format);
        return ExitCodes.Success;
    }

    private static string Csv(IEnumerable<SafeDepthReport> reports)
    {
        var csv = new Csv("width", "p", "trials", "simulatedDepth", "safeDepth", "estimatedDepth", "maxPlausibleDepth", "equation5", "equation5Depth", "engine");
        foreach (var r in reports)
            csv.Row(r.Width, r.P, r.Trials, r.SimulatedDepth, r.SafeDepth, r.EstimatedDepth, r.MaxPlausibleDepth, r.Equation5, r.Equation5Depth, r.Engine);
        return csv.ToString();
    }

    private static Table Table(IEnumerable<SafeDepthReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string c in new[] { "width", "p", "trials", "safe depth (95%)", "estimate", "plausible up to", "Eq. (5)", "⌊Eq. (5)⌋", "engine" })
            table.AddColumn(new TableColumn(c).RightAligned());
        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        foreach (var r in reports)
            table.AddRow(I(r.Width), r.P.ToString(CultureInfo.InvariantCulture), I(r.Trials), I(r.SafeDepth), I(r.EstimatedDepth),
                r.MaxPlausibleDepth is { } m ? I(m) : $"> {r.SimulatedDepth}", r.Equation5.ToString("0.00", CultureInfo.InvariantCulture),
                I(r.Equation5Depth), r.Engine);
        table.Caption(Markup.Escape("Safe depth: largest depth whose 95% upper confidence limit of P(collapse) is below p. "
            + "Plausible up to: one less than the first depth confidently above p. Eq. (5) bounds via Theorem 8, so it is conservative."));
        return table;
    }
}
