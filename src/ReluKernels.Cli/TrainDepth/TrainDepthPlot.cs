using ReluKernels.Cli.Output;
using ReluKernels.Conditioning;
using ScottPlot;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>The train-depth plot: log₁₀ of the median final MSE vs depth per activation, with its interquartile range as thin lines.</summary>
public static class TrainDepthPlot
{
    /// <summary>Writes <c>{stem}.png/.svg</c> and returns the paths.</summary>
    public static string[] Save(DepthTrainingReport report, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var groups = report.Rows.Where(r => r.FinalLoss is { Q1: > 0 }).GroupBy(r => r.Activation).ToArray();
        for (int g = 0; g < groups.Length; g++)
        {
            var rows = groups[g].ToArray();
            var color = palette.GetColor(g);
            double[] depths = [.. rows.Select(r => (double)r.Depth)];
            var median = plot.Add.Scatter(depths, rows.Select(r => Math.Log10(r.FinalLoss!.Median)).ToArray());
            median.Color = color;
            median.LegendText = $"{groups[g].Key}: median (IQR)";
            foreach (var edge in new Func<ReluKernels.Experiments.Training.Quantiles, double>[] { q => q.Q1, q => q.Q3 })
            {
                var line = plot.Add.Scatter(depths, rows.Select(r => Math.Log10(edge(r.FinalLoss!))).ToArray());
                line.Color = color.WithAlpha(0.4);
                line.MarkerSize = 0;
                line.LineWidth = 1;
            }
        }
        var s = report.Settings;
        plot.Title($"Final training MSE vs depth: width {s.Width}, n = {s.Inputs} random labels, {s.Epochs} Adam steps");
        plot.XLabel("depth (hidden layers)");
        plot.YLabel("log10 final MSE");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }
}
