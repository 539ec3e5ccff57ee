using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// The conditioning plots: κ of K and Θ vs depth on a log axis (theory as lines, simulation as markers with 95% intervals),
/// and, when widths were given, the kernel error vs width on log–log axes with the fitted slope.
/// </summary>
public static class ConditioningPlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c> and, with a convergence measurement, <c>{stem}-width.*</c>; returns the paths.</summary>
    public static string[] Save(ConditioningReport report, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        var plot = FigureStyle.Create($"Condition number vs depth: {report.Activation}, n = {report.Inputs}, width {report.Width}", "depth L", "condition number");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        double[] depths = [.. report.Depths.Select(d => (double)d.Depth)];
        Series(plot, FigurePalette.Get(0), "K", depths, report.Depths.Select(d => d.TheoryConditionNumber), report.Depths.Select(d => d.ConditionNumber));
        Series(plot, FigurePalette.Get(1), "NTK Θ", depths, report.Depths.Select(d => d.TheoryNtkConditionNumber), report.Depths.Select(d => d.NtkConditionNumber));
        var paths = files.Save(plot, stem).ToList();
        if (report.Convergence is { } convergence)
            paths.AddRange(files.Save(Width(convergence), stem + "-width"));
        return [.. paths];
    }

    private static Plot Width(ReluKernels.Conditioning.WidthConvergence convergence)
    {
        var plot = FigureStyle.Create($"‖K̂ − K‖_F / n at depth {convergence.Depth} vs width", "width", "error");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        var points = convergence.Points.Where(p => p.Error is { Mean: > 0 }).ToArray();
        if (points.Length == 0)
            return plot;
        double[] x = [.. points.Select(p => LogAxis.Value(p.Width))], y = [.. points.Select(p => LogAxis.Value(p.Error!.Mean))];
        // An interval reaching 0 has no lower end on a log axis: its bar stops at the mean. The reference slope starts at the first point, so the eye compares slopes rather than levels.
        FigureStyle.Theory(plot, [x[0], x[^1]], [y[0], y[0] - 0.5 * (x[^1] - x[0])], FigurePalette.Reference, "slope −1/2");
        FigureStyle.Interval(plot, x, y, [.. points.Select((p, i) => p.Error!.Low > 0 ? LogAxis.Value(p.Error.Low) : y[i])], [.. points.Select(p => LogAxis.Value(p.Error!.High))], FigurePalette.Get(0));
        FigureStyle.Simulation(plot, x, y, FigurePalette.Get(0),
            convergence.Slope is { } s ? FormattableString.Invariant($"simulation, 95% (slope {s:F3})") : "simulation, 95%");
        return plot;
    }

    private static void Series(Plot plot, Color color, string name, double[] depths, IEnumerable<double?> theory, IEnumerable<ReluKernels.Conditioning.Estimate?> simulated)
    {
        var t = theory.ToArray();
        var s = simulated.ToArray();
        var theoryIndex = Enumerable.Range(0, depths.Length).Where(i => t[i] is > 0).ToArray();
        if (theoryIndex.Length > 0)
            FigureStyle.Theory(plot, [.. theoryIndex.Select(i => depths[i])], [.. theoryIndex.Select(i => LogAxis.Value(t[i]!.Value))], color, $"{name}: infinite width");
        var simIndex = Enumerable.Range(0, depths.Length).Where(i => s[i] is { Low: > 0 }).ToArray();
        if (simIndex.Length == 0)
            return;
        double[] x = [.. simIndex.Select(i => depths[i])], mean = [.. simIndex.Select(i => LogAxis.Value(s[i]!.Mean))];
        FigureStyle.Interval(plot, x, mean, [.. simIndex.Select(i => LogAxis.Value(s[i]!.Low))], [.. simIndex.Select(i => LogAxis.Value(s[i]!.High))], color);
        FigureStyle.Simulation(plot, x, mean, color, $"{name}: simulation (95%)");
    }
}
