using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// The length-map plots, one per activation: log₁₀ E[q^l] vs layer, the recursion as a line and the simulated mean as
/// markers with its 95% interval, one colour per initialiser.
/// </summary>
public static class LengthMapPlot
{
    /// <summary>Writes <c>{stem}.png/.svg</c> for a single activation, or <c>{stem}-{k}.png/.svg</c> (k = 1, 2, … in table order) for several; returns the paths.</summary>
    public static string[] Save(LengthMapReport report, string stem)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Runs.GroupBy(r => r.Activation).ToArray();
        var files = new List<string>();
        for (int g = 0; g < groups.Length; g++)
        {
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            int colour = 0;
            foreach (var run in groups[g])
            {
                var color = palette.GetColor(colour++);
                var recursion = run.Layers.Where(l => l.Recursion > 0).ToArray();
                var line = plot.Add.Scatter(recursion.Select(l => (double)l.Layer).ToArray(), recursion.Select(l => Math.Log10(l.Recursion)).ToArray());
                line.Color = color;
                line.MarkerSize = 0;
                line.LegendText = $"{run.Init}: recursion";
                var simulated = run.Layers.Where(l => l.Simulated is { Low: > 0 }).ToArray();
                if (simulated.Length == 0)
                    continue;
                double[] x = [.. simulated.Select(l => (double)l.Layer)];
                var mean = plot.Add.ScatterPoints(x, simulated.Select(l => Math.Log10(l.Simulated!.Value.Mean)).ToArray());
                mean.Color = color;
                mean.LegendText = $"{run.Init}: simulation (95%)";
                foreach (var bound in new Func<ReluKernels.Statistics.MeanEstimate, double>[] { e => e.Low, e => e.High })
                {
                    var edge = plot.Add.Scatter(x, simulated.Select(l => Math.Log10(bound(l.Simulated!.Value))).ToArray());
                    edge.Color = color.WithAlpha(0.4);
                    edge.MarkerSize = 0;
                    edge.LineWidth = 1;
                }
            }
            plot.Title($"Length map: {groups[g].Key}, width {report.Width}, σ_b = {report.BiasStd}");
            plot.XLabel("layer l");
            plot.YLabel("log10 E[q^l]");
            plot.ShowLegend(Edge.Right);
            files.AddRange(PlotFiles.Save(plot, groups.Length == 1 ? stem : $"{stem}-{g + 1}"));
        }
        return [.. files];
    }
}
