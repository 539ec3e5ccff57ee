using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// Shin &amp; Karniadakis 2020, Fig. 7: per scheme, the simulated distribution of active neurons of each hidden layer as bars side by side,
/// the closed forms as black open circles (a distribution over whole numbers has no line to draw). One figure per scheme,
/// <c>{stem}-{k}</c> for the k-th scheme.
/// </summary>
public static class ActiveNeuronsPlot
{
    /// <summary>Writes the plots; returns their paths.</summary>
    public static string[] Save(IReadOnlyList<ActiveNeuronBin> bins, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(files);
        var paths = new List<string>();
        int index = 0;
        foreach (var scheme in bins.GroupBy(b => b.Scheme))
        {
            var plot = FigureStyle.Create($"Active neurons per layer: {scheme.Key}", "number of active neurons", "probability");
            IntegerAxis.Apply(plot.Axes.Bottom);
            var layers = scheme.GroupBy(b => b.Layer).OrderBy(g => g.Key).ToArray();
            double barWidth = 0.8 / layers.Length;
            for (int i = 0; i < layers.Length; i++)
            {
                double offset = (i - (layers.Length - 1) / 2.0) * barWidth;
                var layer = layers[i].OrderBy(b => b.Active).ToArray();
                var bars = plot.Add.Bars([.. layer.Select(b => b.Active + offset)], [.. layer.Select(b => b.Probability)]);
                foreach (var bar in bars.Bars)
                {
                    bar.Size = barWidth * 0.95;
                    bar.FillColor = FigurePalette.Get(i);
                    bar.LineWidth = 0;
                }
                bars.LegendText = $"layer {layers[i].Key}: simulation";
                var withTheory = layer.Where(b => b.Theory is not null).ToArray();
                if (withTheory.Length == 0)
                    continue;
                var theory = FigureStyle.Simulation(plot, [.. withTheory.Select(b => b.Active + offset)], [.. withTheory.Select(b => b.Theory!.Value)],
                    FigurePalette.Reference, $"layer {layers[i].Key}: {withTheory[0].TheorySource}");
                theory.MarkerShape = MarkerShape.OpenCircle;
            }
            plot.Axes.Margins(bottom: 0);
            paths.AddRange(files.Save(plot, $"{stem}-{++index}"));
        }
        return [.. paths];
    }
}
