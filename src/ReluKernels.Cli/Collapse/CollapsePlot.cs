using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.Collapse;

/// <summary>Collapse probability vs depth per width (Lu et al. Fig. 6A): simulation as markers with 95% intervals, theory as lines.</summary>
public static class CollapsePlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c>; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<CollapseCellReport> cells, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(files);
        var plot = FigureStyle.Create("Probability that a random deep narrow ReLU net is born dead", "depth (hidden ReLU layers)", "P(collapse)");
        IntegerAxis.Apply(plot.Axes.Bottom);
        int colour = 0;
        foreach (var group in cells.GroupBy(c => c.Width).OrderBy(g => g.Key))
        {
            var points = group.OrderBy(c => c.Depth).ToArray();
            var color = FigurePalette.Get(colour++);
            double[] depths = [.. points.Select(c => (double)c.Depth)], estimates = [.. points.Select(c => c.Estimate)];
            if (points[0].Theorem9 is null)
                FigureStyle.Theory(plot, depths, [.. points.Select(c => c.Theorem8)], color.WithAlpha(0.6), $"width {group.Key}: Theorem 8 (upper bound)").LineWidth = 1;
            if (points.All(c => c.Theorem10 is not null))
                FigureStyle.Theory(plot, depths, [.. points.Select(c => c.Theorem10!.Value)], color, $"width {group.Key}: Theorem 10");
            FigureStyle.Interval(plot, depths, estimates, [.. points.Select(c => c.CiLow)], [.. points.Select(c => c.CiHigh)], color);
            FigureStyle.Simulation(plot, depths, estimates, color, $"width {group.Key}: simulation (95% CI)");
        }
        plot.Axes.SetLimitsY(0, 1.02);
        return files.Save(plot, stem);
    }
}
