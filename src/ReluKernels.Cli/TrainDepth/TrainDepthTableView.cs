using System.Globalization;
using ReluKernels.Conditioning;
using Spectre.Console;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>The human-readable train-depth table: per activation and depth, the median initial and final MSE with the final quartiles; plain-text cells.</summary>
public static class TrainDepthTableView
{
    /// <summary>Builds the table.</summary>
    public static Table Build(DepthTrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(new Text("activation")));
        foreach (string c in new[] { "depth", "initial MSE (median)", "final MSE: median [Q1, Q3]", "fitted", "diverged" })
            table.AddColumn(new TableColumn(new Text(c)).RightAligned());
        foreach (var row in report.Rows)
            table.AddRow(new[]
            {
                row.Activation, row.Depth.ToString(CultureInfo.InvariantCulture), Number(row.InitialLoss.Median),
                row.FinalLoss is { } q ? $"{Number(q.Median)} [{Number(q.Q1)}, {Number(q.Q3)}]" : "–",
                $"{row.Fitted}/{row.Runs}", row.Diverged.ToString(CultureInfo.InvariantCulture),
            }.Select(cell => new Text(cell)));
        var s = report.Settings;
        table.Caption(Markup.Escape(FormattableString.Invariant(
            $"n = {s.Inputs} unit vectors in d = {s.Dimension} (δ = {report.DataSeparation:F4}), random ±1 labels (variance {report.TargetVariance:F4}); width {s.Width}, no biases; ")
            + FormattableString.Invariant(
            $"full-batch Adam, lr {s.LearningRate}, {s.Epochs} epochs, {s.Runs} runs; fitted: final MSE ≤ {DepthTrainingExperiment.FitThreshold}. Agarwal et al. 2021's check, small scale.")));
        return table;
    }

    // Three significant digits, and never "-0".
    private static string Number(double v) => (v == 0 ? 0 : v).ToString("G3", CultureInfo.InvariantCulture);
}
