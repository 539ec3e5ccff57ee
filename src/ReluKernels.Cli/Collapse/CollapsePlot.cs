using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Collapse;

/// <summary>Collapse probability vs depth per width (Lu et al. Fig. 6A): simulation with 95% intervals, theory as lines.</summary>
public static class CollapsePlot
{
    /// <summary>Writes <c>{stem}.png</c> and <c>{stem}.svg</c> atomically; returns the two paths.</summary>
    public static string[] Save(IReadOnlyList<CollapseCellReport> cells, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var group in cells.GroupBy(c => c.Width).OrderBy(g => g.Key))
        {
            var points = group.OrderBy(c => c.Depth).ToArray();
            var color = palette.GetColor(colour++);
            double[] depths = [.. points.Select(c => (double)c.Depth)];
            var simulated = plot.Add.Scatter(depths, [.. points.Select(c => c.Estimate)]);
            simulated.Color = color;
            simulated.LineWidth = 0;
            simulated.MarkerSize = 6;
            simulated.LegendText = $"width {group.Key}: simulation (95% CI)";
            var bars = new ScottPlot.Plottables.ErrorBar(depths, [.. points.Select(c => c.Estimate)],
                null, null, [.. points.Select(c => c.CiHigh - c.Estimate)], [.. points.Select(c => c.Estimate - c.CiLow)])
            { Color = color };
            plot.Add.Plottable(bars);
            if (points[0].Theorem9 is null)
            {
                var theorem8 = plot.Add.Scatter(depths, [.. points.Select(c => c.Theorem8)]);
                theorem8.Color = color;
                theorem8.MarkerSize = 0;
                theorem8.LineWidth = 1;
                theorem8.LegendText = $"width {group.Key}: Theorem 8 (upper bound)";
            }
            if (points.All(c => c.Theorem10 is not null))
            {
                var theorem10 = plot.Add.Scatter(depths, [.. points.Select(c => c.Theorem10!.Value)]);
                theorem10.Color = color;
                theorem10.MarkerSize = 0;
                theorem10.LineWidth = 4;
                theorem10.Color = color.WithAlpha(0.35);
                theorem10.LegendText = $"width {group.Key}: Theorem 10";
            }
        }
        plot.Title("Probability that a random deep narrow ReLU net is born dead");
        plot.XLabel("depth (hidden ReLU layers)");
        plot.YLabel("P(collapse)");
        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }
}
