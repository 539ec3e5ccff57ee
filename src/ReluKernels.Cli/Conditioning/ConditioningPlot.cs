using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// The conditioning plots: log₁₀ κ of K and Θ vs depth (theory as lines, simulation as markers with 95% interval lines),
/// and, when widths were given, log₁₀ kernel error vs log₁₀ width with the fitted slope.
/// </summary>
public static class ConditioningPlot
{
    /// <summary>Writes <c>{stem}.png/.svg</c> and, with a convergence measurement, <c>{stem}-width.png/.svg</c>; returns the paths.</summary>
    public static string[] Save(ConditioningReport report, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double[] depths = [.. report.Depths.Select(d => (double)d.Depth)];
        Series(plot, palette.GetColor(0), "K", depths, report.Depths.Select(d => d.TheoryConditionNumber),
            report.Depths.Select(d => d.ConditionNumber));
        Series(plot, palette.GetColor(1), "NTK Θ", depths, report.Depths.Select(d => d.TheoryNtkConditionNumber),
            report.Depths.Select(d => d.NtkConditionNumber));
        plot.Title($"Condition number vs depth: {report.Activation}, n = {report.Inputs}, width {report.Width}");
        plot.XLabel("depth L");
        plot.YLabel("log10 condition number");
        plot.ShowLegend(Edge.Right);
        var files = PlotFiles.Save(plot, stem).ToList();

        if (report.Convergence is { } convergence)
        {
            var width = new Plot();
            var points = convergence.Points.Where(p => p.Error is { Mean: > 0 }).ToArray();
            var scatter = width.Add.Scatter(points.Select(p => Math.Log10(p.Width)).ToArray(), points.Select(p => Math.Log10(p.Error!.Mean)).ToArray());
            scatter.LegendText = convergence.Slope is { } s ? FormattableString.Invariant($"simulation (slope {s:F3})") : "simulation";
            if (points.Length > 0)
            {
                double x0 = Math.Log10(points[0].Width), y0 = Math.Log10(points[0].Error!.Mean), x1 = Math.Log10(points[^1].Width);
                var reference = width.Add.Line(x0, y0, x1, y0 - 0.5 * (x1 - x0));
                reference.LegendText = "slope −1/2";
            }
            width.Title($"‖K̂ − K‖_F / n at depth {convergence.Depth} vs width");
            width.XLabel("log10 width");
            width.YLabel("log10 error");
            width.ShowLegend(Edge.Right);
            files.AddRange(PlotFiles.Save(width, stem + "-width"));
        }
        return [.. files];
    }

    private static void Series(Plot plot, Color color, string name, double[] depths, IEnumerable<double?> theory, IEnumerable<ReluKernels.Conditioning.Estimate?> simulated)
    {
        var t = theory.ToArray();
        var s = simulated.ToArray();
        var theoryIndex = Enumerable.Range(0, depths.Length).Where(i => t[i] is > 0).ToArray();
        if (theoryIndex.Length > 0)
        {
            var line = plot.Add.Scatter(theoryIndex.Select(i => depths[i]).ToArray(), theoryIndex.Select(i => Math.Log10(t[i]!.Value)).ToArray());
            line.Color = color;
            line.MarkerSize = 0;
            line.LegendText = $"{name}: infinite width";
        }
        var simIndex = Enumerable.Range(0, depths.Length).Where(i => s[i] is { Low: > 0 }).ToArray();
        if (simIndex.Length == 0)
            return;
        double[] x = [.. simIndex.Select(i => depths[i])];
        var mean = plot.Add.ScatterPoints(x, simIndex.Select(i => Math.Log10(s[i]!.Mean)).ToArray());
        mean.Color = color;
        mean.LegendText = $"{name}: simulation (95%)";
        foreach (var bound in new Func<ReluKernels.Conditioning.Estimate, double>[] { e => e.Low, e => e.High })
        {
            var edge = plot.Add.Scatter(x, simIndex.Select(i => Math.Log10(bound(s[i]!))).ToArray());
            edge.Color = color.WithAlpha(0.4);
            edge.MarkerSize = 0;
            edge.LineWidth = 1;
        }
    }
}
