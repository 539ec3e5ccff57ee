using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>
/// Shin &amp; Karniadakis 2020, Figs. 4–5 (left), one plot per target (<c>{stem}-{target}.png</c>): Theorem 3's trainability as a line, the
/// empirical success rate and the trainability measured on the initial networks as points with 95% intervals.
/// </summary>
public static class TrainSuccessPlot
{
    /// <summary>Writes one PNG and SVG per target; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<TrainingSuccessReport> rows, string stem)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var files = new List<string>();
        foreach (var group in rows.GroupBy(x => x.Target))
        {
            var points = group.OrderBy(x => x.Width).ToArray();
            double[] widths = [.. points.Select(x => (double)x.Width)];
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            var theory = plot.Add.Scatter(widths, [.. points.Select(x => x.Trainability)]);
            theory.Color = Colors.Black;
            theory.LineWidth = 2;
            theory.MarkerSize = 0;
            theory.LegendText = "trainability (Theorem 3)";
            AddPoints(plot, palette.GetColor(0), "training success (95% CI)", widths, [.. points.Select(x => x.SuccessRate)]);
            AddPoints(plot, palette.GetColor(1), "trainable at initialisation (95% CI)", widths, [.. points.Select(x => x.SimulatedTrainability)]);
            var first = points[0];
            plot.Title($"{first.Target} = {first.Formula}: success vs trainability (m = {first.Required}, {first.Runs} runs per width)");
            plot.XLabel("width n");
            plot.YLabel("probability");
            plot.Axes.SetLimitsY(0, 1.02);
            plot.ShowLegend(Edge.Right);
            files.AddRange(PlotFiles.Save(plot, $"{stem}-{first.Target}"));
        }
        return [.. files];
    }

    private static void AddPoints(Plot plot, Color color, string label, double[] xs, Statistics.WilsonInterval[] values)
    {
        double[] estimates = [.. values.Select(v => v.Estimate)];
        var points = plot.Add.Scatter(xs, estimates);
        points.Color = color;
        points.LineWidth = 0;
        points.MarkerSize = 7;
        points.LegendText = label;
        var bars = new ScottPlot.Plottables.ErrorBar(xs, estimates, null, null,
            [.. values.Select(v => v.High - v.Estimate)], [.. values.Select(v => v.Estimate - v.Low)])
        { Color = color };
        plot.Add.Plottable(bars);
    }
}
