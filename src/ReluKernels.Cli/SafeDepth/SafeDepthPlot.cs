using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>Safe depth vs width per p (Lu et al. Fig. 6B): simulation with its plausible range, Eq. (5) as a line; log depth axis.</summary>
public static class SafeDepthPlot
{
    /// <summary>Writes <c>{stem}.png</c> and <c>{stem}.svg</c>; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<SafeDepthReport> reports, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var group in reports.GroupBy(r => r.P).OrderBy(g => g.Key))
        {
            var rows = group.OrderBy(r => r.Width).ToArray();
            var color = palette.GetColor(colour++);
            double[] widths = [.. rows.Select(r => (double)r.Width)];
            var simulated = plot.Add.Scatter(widths, [.. rows.Select(r => Log(r.EstimatedDepth))]);
            simulated.Color = color;
            simulated.LegendText = $"p = {group.Key}: simulation";
            var eq5 = plot.Add.Scatter(widths, [.. rows.Select(r => Math.Log10(r.Equation5))]);
            eq5.Color = color;
            eq5.LineWidth = 1;
            eq5.Color = color.WithAlpha(0.6);
            eq5.MarkerSize = 0;
            eq5.LegendText = $"p = {group.Key}: Eq. (5)";
        }
        plot.Title("Largest depth with P(collapse) < p");
        plot.XLabel("width");
        plot.YLabel("log10(depth)");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    // A simulated depth of 0 (not even one layer is safe) is drawn at log10(0.5) rather than −∞; Eq. (5) is real-valued and positive.
    private static double Log(double depth) => Math.Log10(Math.Max(depth, 0.5));
}
