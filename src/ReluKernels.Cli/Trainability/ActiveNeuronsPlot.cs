using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// Shin &amp; Karniadakis 2020, Fig. 7: per scheme, the simulated distribution of active neurons of each hidden layer as bars side by side,
/// the closed forms as black markers. One PNG/SVG pair per scheme, <c>{stem}-{k}</c> for the k-th scheme.
/// </summary>
public static class ActiveNeuronsPlot
{
    /// <summary>Writes the plots; returns their paths.</summary>
    public static string[] Save(IReadOnlyList<ActiveNeuronBin> bins, string stem)
    {
        var files = new List<string>();
        var palette = new ScottPlot.Palettes.Category10();
        int index = 0;
        foreach (var scheme in bins.GroupBy(b => b.Scheme))
        {
            var plot = new Plot();
            var layers = scheme.GroupBy(b => b.Layer).OrderBy(g => g.Key).ToArray();
            double barWidth = 0.8 / layers.Length;
            for (int i = 0; i < layers.Length; i++)
            {
                double offset = (i - (layers.Length - 1) / 2.0) * barWidth;
                var layer = layers[i].OrderBy(b => b.Active).ToArray();
                var color = palette.GetColor(i);
                var bars = plot.Add.Bars([.. layer.Select(b => b.Active + offset)], [.. layer.Select(b => b.Probability)]);
                foreach (var bar in bars.Bars)
                {
                    bar.Size = barWidth * 0.95;
                    bar.FillColor = color;
                    bar.LineWidth = 0;
                }
                bars.LegendText = $"layer {layers[i].Key}: simulation";
                var withTheory = layer.Where(b => b.Theory is not null).ToArray();
                if (withTheory.Length == 0)
                    continue;
                double[] xs = [.. withTheory.Select(b => b.Active + offset)], ys = [.. withTheory.Select(b => b.Theory!.Value)];
                var theory = plot.Add.Scatter(xs, ys);
                theory.LineWidth = 0;
                theory.MarkerSize = 8;
                theory.MarkerShape = MarkerShape.OpenCircle;
                theory.Color = Colors.Black;
                theory.LegendText = $"layer {layers[i].Key}: {withTheory[0].TheorySource}";
            }
            plot.Title($"Active neurons per layer: {scheme.Key}");
            plot.XLabel("number of active neurons");
            plot.YLabel("probability");
            plot.Axes.Margins(bottom: 0);
            plot.ShowLegend(Edge.Right);
            files.AddRange(PlotFiles.Save(plot, $"{stem}-{++index}"));
        }
        return [.. files];
    }
}
