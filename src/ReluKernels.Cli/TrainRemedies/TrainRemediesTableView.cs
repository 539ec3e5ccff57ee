using System.Globalization;
using ReluKernels.Experiments.Remedies;
using ReluKernels.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.TrainRemedies;

/// <summary>The human-readable output of <c>train-remedies</c>: one row per remedy, each fraction with its Wilson 95% interval.</summary>
public static class TrainRemediesTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static IRenderable Build(RemedyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "remedy", "network", "collapsed", "partially collapsed", "successful", "failed", "diverged", "born collapsed", "median test MSE", "papers" })
            table.AddColumn(new TableColumn(column));
        foreach (var s in report.Remedies)
            table.AddRow(new[] { s.Remedy, s.Network, P(s.Collapsed), P(s.PartiallyCollapsed), P(s.Successful), P(s.Failed), C(s.Diverged), P(s.CollapsedAtInit),
                s.MedianTestError is { } e ? e.ToString("0.####", CultureInfo.InvariantCulture) : "–", s.Claim }.Select(c => new Text(c)));
        table.Caption(Markup.Escape(
            $"{report.Target} = {report.Formula}, {report.Architecture} before each remedy, MSE, {report.Optimizer}, batch {report.BatchSize}, {report.Epochs} epochs, "
            + $"{(report.Remedies.Count > 0 ? report.Remedies[0].Runs : 0)} runs per remedy, seed {report.Seed}, dropout {report.DropoutRate.ToString(CultureInfo.InvariantCulture)}. "
            + $"Outcomes {report.Classification}: collapsed = range ≤ {report.ConstantTolerance.ToString(CultureInfo.InvariantCulture)} target sd."));
        return table;
    }

    /// <summary>The line under the table: what Lu et al. claim.</summary>
    public static string Note(RemedyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return "Lu et al. 2019, §5: BN and SELU escape collapse; WN, dropout, orthogonal and LSUV do not. Lu et al. 2020: RAI collapses far less. "
            + "Fractions are over all runs; diverged runs are counted apart.";
    }

    private static string P(WilsonInterval x) => $"{F(x.Estimate)} [{F(x.Low)}, {F(x.High)}]";

    private static string C(WilsonInterval x) => $"{x.Successes.ToString(CultureInfo.InvariantCulture)} / {x.Trials.ToString(CultureInfo.InvariantCulture)}";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
