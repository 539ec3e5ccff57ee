using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>
/// Safe depth vs width per p (Lu et al. Fig. 6B) on a log depth axis: the estimated depth as markers with bars from the
/// depth safe with 95% confidence to the largest plausible one, Eq. (5) as a line.
/// </summary>
public static class SafeDepthPlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c>; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<SafeDepthReport> reports, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(files);
        var plot = FigureStyle.Create("Largest depth with P(collapse) < p", "width", "depth");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        int colour = 0;
        foreach (var group in reports.GroupBy(r => r.P).OrderBy(g => g.Key))
        {
            var rows = group.OrderBy(r => r.Width).ToArray();
            var color = FigurePalette.Get(colour++);
            FigureStyle.Theory(plot, [.. rows.Select(r => (double)r.Width)], [.. rows.Select(r => LogAxis.Value(r.Equation5))], color, $"p = {group.Key}: Eq. (5)");
            // A depth of 0 (not even one layer is safe) has no place on a log axis: such widths are in the table only, and a
            // confident depth of 0 leaves the bar without its lower end.
            var drawn = rows.Where(r => r.EstimatedDepth > 0).ToArray();
            double[] widths = [.. drawn.Select(r => (double)r.Width)], depths = [.. drawn.Select(r => LogAxis.Value(r.EstimatedDepth))];
            FigureStyle.Interval(plot, widths, depths,
                [.. drawn.Select((r, i) => r.SafeDepth > 0 ? LogAxis.Value(r.SafeDepth) : depths[i])],
                [.. drawn.Select((r, i) => r.MaxPlausibleDepth is int m and > 0 ? LogAxis.Value(m) : depths[i])], color);
            FigureStyle.Simulation(plot, widths, depths, color, $"p = {group.Key}: simulation (95% range)");
        }
        return files.Save(plot, stem);
    }
}
