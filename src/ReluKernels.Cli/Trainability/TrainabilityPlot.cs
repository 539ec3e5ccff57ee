using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// Trainability and mean active fraction vs width (Shin &amp; Karniadakis 2020, Figs. 4–5, left): Theorem 3 and n(1 − p̂)/n as lines,
/// simulation as points with 95% error bars. Both are fractions in [0, 1], so they share one axis.
/// </summary>
public static class TrainabilityPlot
{
    /// <summary>Writes <c>{stem}.png</c> and <c>{stem}.svg</c>; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<TrainabilityWidthReport> rows, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var ordered = rows.OrderBy(x => x.Width).ToArray();
        double[] widths = [.. ordered.Select(x => Math.Log10(x.Width))];
        Add(plot, palette.GetColor(0), "trainability", widths, [.. ordered.Select(x => x.Trainability)],
            [.. ordered.Select(x => x.SimulatedTrainability)], [.. ordered.Select(x => x.TrainabilityCiLow)], [.. ordered.Select(x => x.TrainabilityCiHigh)]);
        Add(plot, palette.GetColor(1), "mean active / width", widths, [.. ordered.Select(x => x.MeanActive / x.Width)],
            [.. ordered.Select(x => x.SimulatedMeanActive / x.Width)], [.. ordered.Select(x => x.MeanActiveCiLow / x.Width)],
            [.. ordered.Select(x => x.MeanActiveCiHigh / x.Width)]);
        var first = ordered.FirstOrDefault();
        plot.Title(first is null ? "Trainability" : $"Trainability for m = {first.Required} (d = {first.InputDim}, r = {first.Radius})");
        plot.XLabel("log10(width)");
        plot.YLabel("probability / fraction");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static void Add(Plot plot, Color color, string label, double[] xs, double[] theory, double[] simulated, double[] low, double[] high)
    {
        var line = plot.Add.Scatter(xs, theory);
        line.Color = color.WithAlpha(0.6);
        line.MarkerSize = 0;
        line.LegendText = $"{label}: theory";
        var points = plot.Add.Scatter(xs, simulated);
        points.Color = color;
        points.LineWidth = 0;
        points.MarkerSize = 6;
        points.LegendText = $"{label}: simulation";
        var bars = new ScottPlot.Plottables.ErrorBar(xs, simulated, null, null,
            [.. high.Select((h, i) => h - simulated[i])], [.. low.Select((l, i) => simulated[i] - l)])
        { Color = color };
        plot.Add.Plottable(bars);
    }
}
