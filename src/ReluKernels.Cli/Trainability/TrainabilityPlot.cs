using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ScottPlot;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// Trainability and mean active fraction vs width on a log width axis (Shin &amp; Karniadakis 2020, Figs. 4–5, left): Theorem 3
/// and n(1 − p̂)/n as lines, simulation as markers with 95% error bars. Both are fractions in [0, 1], so they share one axis.
/// </summary>
public static class TrainabilityPlot
{
    /// <summary>Writes <c>{stem}.png/.svg/.pdf</c>; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<TrainabilityWidthReport> rows, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ordered = rows.OrderBy(x => x.Width).ToArray();
        var first = ordered.FirstOrDefault();
        var plot = FigureStyle.Create(first is null ? "Trainability" : $"Trainability for m = {first.Required} (d = {first.InputDim}, r = {first.Radius})",
            "width", "probability / fraction");
        LogAxis.Apply(plot.Axes.Bottom);
        double[] widths = [.. ordered.Select(x => LogAxis.Value(x.Width))];
        Add(plot, FigurePalette.Get(0), "trainability", widths, [.. ordered.Select(x => x.Trainability)],
            [.. ordered.Select(x => x.SimulatedTrainability)], [.. ordered.Select(x => x.TrainabilityCiLow)], [.. ordered.Select(x => x.TrainabilityCiHigh)]);
        Add(plot, FigurePalette.Get(1), "mean active / width", widths, [.. ordered.Select(x => x.MeanActive / x.Width)],
            [.. ordered.Select(x => x.SimulatedMeanActive / x.Width)], [.. ordered.Select(x => x.MeanActiveCiLow / x.Width)],
            [.. ordered.Select(x => x.MeanActiveCiHigh / x.Width)]);
        return files.Save(plot, stem);
    }

    private static void Add(Plot plot, Color color, string label, double[] xs, double[] theory, double[] simulated, double[] low, double[] high)
    {
        FigureStyle.Theory(plot, xs, theory, color, $"{label}: theory");
        FigureStyle.Interval(plot, xs, simulated, low, high, color);
        FigureStyle.Simulation(plot, xs, simulated, color, $"{label}: simulation (95% CI)");
    }
}
