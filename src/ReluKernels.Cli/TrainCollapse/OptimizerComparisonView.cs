using System.Globalization;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments.Training;
using ReluKernels.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>
/// The output of <c>train-collapse --optimizer all</c>: one row per optimiser (same seeds, so run r starts from the same
/// network under each) with the collapsed, partially collapsed and successful fractions and their Wilson 95% intervals.
/// </summary>
public static class OptimizerComparisonView
{
    /// <summary>The table; cells are plain text, never markup.</summary>
    public static IRenderable Build(IReadOnlyList<CollapseTrainingReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "optimizer", "runs", "collapsed", "95% CI", "partially collapsed", "95% CI", "successful", "95% CI", "failed", "diverged", "born dead" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var report in reports)
        {
            var f = report.Fractions;
            table.AddRow(new Text(report.Optimizer), new Text(I(report.Runs)), new Text(F(f.Collapsed.Estimate)), new Text(Ci(f.Collapsed)),
                new Text(F(f.PartiallyCollapsed.Estimate)), new Text(Ci(f.PartiallyCollapsed)), new Text(F(f.Successful.Estimate)), new Text(Ci(f.Successful)),
                new Text(I(report.Failed)), new Text(I(report.Diverged)), new Text(I(report.CollapsedAtInit)));
        }
        var r = reports[0];
        table.Caption(Markup.Escape(
            $"{r.Target} = {r.Formula}, {r.Architecture}, {(r.Loss == Training.LossFunction.MeanAbsoluteError ? "MAE" : "MSE")}, batch {r.BatchSize} "
            + $"(BFGS and L-BFGS: full batch, an epoch is one loss-and-gradient evaluation), {r.Epochs} epochs, seed {r.Seed}; {r.Initializer}. "
            + $"Kernel: {r.Kernel}. Constancy: {r.Classification}."));
        return table;
    }

    /// <summary>One CSV row per optimiser: counts, estimates and interval bounds.</summary>
    public static string Csv(IReadOnlyList<CollapseTrainingReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var csv = new Csv("optimizer", "runs", "collapsed", "collapsedLow", "collapsedHigh", "partiallyCollapsed", "partiallyCollapsedLow",
            "partiallyCollapsedHigh", "successful", "successfulLow", "successfulHigh", "failed", "diverged", "collapsedAtInit");
        foreach (var report in reports)
        {
            var f = report.Fractions;
            csv.Row(report.Optimizer, report.Runs, report.Collapsed, f.Collapsed.Low, f.Collapsed.High, report.PartiallyCollapsed,
                f.PartiallyCollapsed.Low, f.PartiallyCollapsed.High, report.Successful, f.Successful.Low, f.Successful.High, report.Failed,
                report.Diverged, report.CollapsedAtInit);
        }
        return csv.ToString();
    }

    /// <summary>The line under the table: Lu et al.'s claim and the range of collapsed fractions measured.</summary>
    public static string Note(IReadOnlyList<CollapseTrainingReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        double low = reports.Min(x => x.Fractions.Collapsed.Estimate), high = reports.Max(x => x.Fractions.Collapsed.Estimate);
        return "Lu et al. 2019, Sec. 2: the collapse happens with every optimiser they tried. "
            + $"Here the collapsed fraction ranges from {F(low)} to {F(high)} over {reports.Count} optimisers, on the same {reports[0].Runs} initial networks.";
    }

    private static string Ci(WilsonInterval x) => $"[{F(x.Low)}, {F(x.High)}]";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
