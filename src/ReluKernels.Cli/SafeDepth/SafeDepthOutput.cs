using System.Globalization;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using Spectre.Console;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>Turns finished <c>safe-depth</c> runs into reports and writes safe-depth.csv/.json/.png/.svg/.pdf and standard output (a run and a merge alike).</summary>
public static class SafeDepthOutput
{
    /// <summary>Writes the reports of <paramref name="runs"/> (one per width) for the p of <paramref name="config"/>; <paramref name="inputs"/> are merged shards.</summary>
    public static void Write(IEnumerable<CollapseRun> runs, SafeDepthRunConfig config, string outDirectory, OutputFormat format, FigureFiles? figures,
        IReadOnlyList<ProvenanceInput>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reports = runs.SelectMany(run => SafeDepthSearch.Read(run, config.Ps)).OrderBy(r => r.P).ThenBy(r => r.Width).ToList();
        ExperimentFiles.Write(Path.Combine(outDirectory, "safe-depth"), Json.Serialize(reports), Csv(reports),
            figures is null ? null : stem => SafeDepthPlot.Save(reports, figures, stem), () => Table(reports), format, inputs: inputs);
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
