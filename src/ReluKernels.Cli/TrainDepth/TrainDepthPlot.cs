using ReluKernels.Cli.Plots;
using ReluKernels.Conditioning;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>The train-depth plot: the median final MSE vs depth per activation on a log axis, with its interquartile range as a band.</summary>
public static class TrainDepthPlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c> and returns the paths.</summary>
    public static string[] Save(DepthTrainingReport report, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        var s = report.Settings;
        var plot = FigureStyle.Create($"Final training MSE vs depth: width {s.Width}, n = {s.Inputs} random labels, {s.Epochs} Adam steps",
            "depth (hidden layers)", "final MSE");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        var groups = report.Rows.Where(r => r.FinalLoss is { Q1: > 0 }).GroupBy(r => r.Activation).ToArray();
        for (int g = 0; g < groups.Length; g++)
        {
            var rows = groups[g].ToArray();
            var color = FigurePalette.Get(g);
            double[] depths = [.. rows.Select(r => (double)r.Depth)];
            FigureStyle.Band(plot, depths, [.. rows.Select(r => LogAxis.Value(r.FinalLoss!.Q1))], [.. rows.Select(r => LogAxis.Value(r.FinalLoss!.Q3))], color);
            FigureStyle.Summary(plot, depths, [.. rows.Select(r => LogAxis.Value(r.FinalLoss!.Median))], color, $"{groups[g].Key}: median (IQR)");
        }
        return files.Save(plot, stem);
    }
}
