using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// The length-map plots, one per activation: E[q^l] vs layer on a log axis, the recursion as a line and the simulated mean as
/// markers with its 95% interval, one colour per initialiser.
/// </summary>
public static class LengthMapPlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c> for a single activation, or <c>{stem}-{k}.*</c> (k = 1, 2, … in table order) for several; returns the paths.</summary>
    public static string[] Save(LengthMapReport report, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        var groups = report.Runs.GroupBy(r => r.Activation).ToArray();
        var paths = new List<string>();
        for (int g = 0; g < groups.Length; g++)
        {
            var plot = FigureStyle.Create($"Length map: {groups[g].Key}, width {report.Width}, σ_b = {report.BiasStd}", "layer l", "E[q^l]");
            IntegerAxis.Apply(plot.Axes.Bottom);
            LogAxis.Apply(plot.Axes.Left);
            int colour = 0;
            foreach (var run in groups[g])
            {
                var color = FigurePalette.Get(colour++);
                var recursion = run.Layers.Where(l => l.Recursion > 0).ToArray();
                FigureStyle.Theory(plot, [.. recursion.Select(l => (double)l.Layer)], [.. recursion.Select(l => LogAxis.Value(l.Recursion))], color,
                    $"{run.Init}: recursion");
                var simulated = run.Layers.Where(l => l.Simulated is { Low: > 0 }).ToArray();
                if (simulated.Length == 0)
                    continue;
                double[] x = [.. simulated.Select(l => (double)l.Layer)], mean = [.. simulated.Select(l => LogAxis.Value(l.Simulated!.Value.Mean))];
                FigureStyle.Interval(plot, x, mean, [.. simulated.Select(l => LogAxis.Value(l.Simulated!.Value.Low))],
                    [.. simulated.Select(l => LogAxis.Value(l.Simulated!.Value.High))], color);
                FigureStyle.Simulation(plot, x, mean, color, $"{run.Init}: simulation (95%)");
            }
            paths.AddRange(files.Save(plot, groups.Length == 1 ? stem : $"{stem}-{g + 1}"));
        }
        return [.. paths];
    }
}
