using System.Globalization;
using ReluKernels.Experiments;
using ReluKernels.Statistics;
using ReluKernels.Training;
using Spectre.Console;
using Spectre.Console.Rendering;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>The human-readable output of <c>train-collapse</c>: outcome counts with intervals, then the targets' mean and median beside the collapsed constants.</summary>
public static class TrainCollapseTableView
{
    /// <summary>Builds the two tables; cells are plain text, never markup.</summary>
    public static IRenderable Build(CollapseTrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "outcome", "runs", "fraction", "95% CI" })
            outcomes.AddColumn(new TableColumn(column).RightAligned());
        var f = report.Fractions;
        AddRow(outcomes, "collapsed (constant on Ω)", f.Collapsed);
        AddRow(outcomes, "  to the mean", f.CollapsedToMean);
        AddRow(outcomes, "  to a median", f.CollapsedToMedian);
        AddRow(outcomes, "partially collapsed", f.PartiallyCollapsed);
        AddRow(outcomes, "successful", f.Successful);
        AddRow(outcomes, "failed", f.Failed);
        AddRow(outcomes, "diverged", f.Diverged);
        AddRow(outcomes, "born dead (collapsed at init)", f.CollapsedAtInit);
        AddRow(outcomes, "of the collapsed: at the mean", f.MeanAmongCollapsed);
        AddRow(outcomes, "of the collapsed: at a median", f.MedianAmongCollapsed);
        outcomes.Caption(Markup.Escape(
            $"{report.Target} = {report.Formula}, {report.Architecture}, {Loss(report.Loss)}, {report.Optimizer}, batch {report.BatchSize}, "
            + $"{report.Epochs} epochs, seed {report.Seed}; {report.Initializer}. Balance: {report.Balance}. Kernel: {report.Kernel}. "
            + $"Constancy: {report.Classification}. Dead hidden neurons per run: {G(report.MeanDeadHiddenNeurons)} ± {G(report.DeadHiddenNeuronsStandardError)}; "
            + $"median final loss {(report.FinalLoss is null ? "–" : G(report.FinalLoss.Median))}."));

        var constants = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "output", "target mean", "target median", "target sd", "collapsed constants: min", "q1", "median", "q3", "max" })
            constants.AddColumn(new TableColumn(column).RightAligned());
        for (int o = 0; o < report.TargetMean.Count; o++)
        {
            string median = report.TargetMedianLow[o] == report.TargetMedianHigh[o] ? G(report.TargetMedianLow[o])
                : $"[{G(report.TargetMedianLow[o])}, {G(report.TargetMedianHigh[o])}]";
            AddTextRow(constants, [I(o + 1), G(report.TargetMean[o]), median, G(report.TargetStandardDeviation[o]), .. Summary(report.Constants[o])]);
        }
        AddTextRow(constants, ["|c − mean| / sd", "", "", "", .. Summary(report.DistanceToMean)]);
        AddTextRow(constants, ["dist(c, median) / sd", "", "", "", .. Summary(report.DistanceToMedian)]);
        constants.Caption(Markup.Escape(
            $"Training targets' mean and median beside the constants of the {report.Collapsed} collapsed networks. A constant counts as the "
            + $"mean (median) when within {G(report.ConstantTolerance)} sd of it."));
        return new Rows(outcomes, constants);
    }

    /// <summary>The line under the tables: Lu et al.'s claim for this setting.</summary>
    public static string Note(CollapseTrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string expected = report.Loss == LossFunction.MeanAbsoluteError ? "median" : "mean";
        return $"Lu et al. 2019, Sec. 2: about 90% of width-2 10-layer networks collapse on |x|; with {Loss(report.Loss)} the constant is the {expected}. "
            + $"Here {P(report.Fractions.Collapsed)} collapsed, {report.CollapsedAtInit} of {report.Runs} were already dead at initialisation.";
    }

    private static void AddRow(Table table, string label, WilsonInterval x) =>
        table.AddRow(new Text(label), new Text($"{I(x.Successes)} / {I(x.Trials)}"), new Text(F(x.Estimate)), new Text($"[{F(x.Low)}, {F(x.High)}]"));

    private static void AddTextRow(Table table, string[] cells) => table.AddRow(cells.Select(c => new Text(c)));

    private static string[] Summary(Quantiles? q) => q is null ? ["–", "–", "–", "–", "–"] : [G(q.Min), G(q.Q1), G(q.Median), G(q.Q3), G(q.Max)];

    private static string Loss(LossFunction loss) => loss == LossFunction.MeanAbsoluteError ? "MAE" : "MSE";

    private static string P(WilsonInterval x) => $"{F(x.Estimate)} [{F(x.Low)}, {F(x.High)}]";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
