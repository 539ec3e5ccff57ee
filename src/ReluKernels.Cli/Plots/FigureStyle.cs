using ScottPlot;
using ScottPlot.Plottables;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// The one figure style of every command. Build a figure with <see cref="Create"/>, give its axes a kind
/// (<see cref="LogAxis"/>, <see cref="IntegerAxis"/>, or leave them linear), draw theory with <see cref="Theory"/>, simulation
/// with <see cref="Simulation"/> and its interval with <see cref="Interval"/> or <see cref="Band"/>, other curves with
/// <see cref="Curve"/>, a summary of many runs with <see cref="Summary"/> after the runs (ScottPlot draws in the order
/// plottables were added, so the summary lies on top), colours from <see cref="FigurePalette"/>, and write it with
/// <see cref="FigureFiles.Save"/>.
/// </summary>
public static class FigureStyle
{
    /// <summary>Simulation marker diameter in layout pixels.</summary>
    public const float MarkerSize = 7;

    /// <summary>
    /// Error-bar cap width in layout pixels: wider than a marker, so an interval shorter than the marker still shows as a
    /// bar across it rather than vanishing behind it.
    /// </summary>
    public const float CapSize = 12;

    /// <summary>Line widths in layout pixels.</summary>
    public const float TheoryWidth = 2, CurveWidth = 2, SummaryWidth = 3.5f, IntervalWidth = 1.5f;

    /// <summary>A new plot with the style's font, title, axis labels and the legend at the right.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        ApplyFont(plot);
        return plot;
    }

    /// <summary>Sets the bundled font on every text of <paramref name="plot"/>.</summary>
    public static void ApplyFont(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        BundledFont.Register();
        plot.Font.Set(BundledFont.Family);
    }

    /// <summary>A closed form or recursion: a solid line without markers.</summary>
    public static Scatter Theory(Plot plot, double[] xs, double[] ys, Color color, string? label) =>
        Line(plot, xs, ys, color, TheoryWidth, label);

    /// <summary>Simulated estimates: markers without a connecting line.</summary>
    public static Scatter Simulation(Plot plot, double[] xs, double[] ys, Color color, string? label)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var points = plot.Add.ScatterPoints(xs, ys, color);
        points.MarkerSize = MarkerSize;
        points.LegendText = label ?? "";
        return points;
    }

    /// <summary>Vertical error bars from <paramref name="low"/> to <paramref name="high"/> around <paramref name="ys"/>, with wide caps.</summary>
    public static ErrorBar Interval(Plot plot, double[] xs, double[] ys, double[] low, double[] high, Color color)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        var bars = new ErrorBar(xs, ys, null, null, [.. high.Select((h, i) => h - ys[i])], [.. low.Select((l, i) => ys[i] - l)])
        {
            Color = color,
            LineWidth = IntervalWidth,
            CapSize = CapSize,
        };
        plot.Add.Plottable(bars);
        return bars;
    }

    /// <summary>
    /// A shaded band from <paramref name="low"/> to <paramref name="high"/> with thin edge lines, so a band narrower than a
    /// pixel still shows as a line.
    /// </summary>
    public static FillY Band(Plot plot, double[] xs, double[] low, double[] high, Color color)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var band = plot.Add.FillY(xs, low, high);
        band.FillStyle.Color = color.WithAlpha(0.25);
        band.LineStyle.Width = 0;
        Line(plot, xs, low, color.WithAlpha(0.6), 1, null);
        Line(plot, xs, high, color.WithAlpha(0.6), 1, null);
        return band;
    }

    /// <summary>A curve that is neither theory nor a summary: a fitted function, one run's loss, a target.</summary>
    public static Scatter Curve(Plot plot, double[] xs, double[] ys, Color color, string? label) =>
        Line(plot, xs, ys, color, CurveWidth, label);

    /// <summary>A median or mean over runs: a thick line. Add it after the runs it summarises so it is drawn above them.</summary>
    public static Scatter Summary(Plot plot, double[] xs, double[] ys, Color color, string? label) =>
        Line(plot, xs, ys, color, SummaryWidth, label);

    private static Scatter Line(Plot plot, double[] xs, double[] ys, Color color, float width, string? label)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.LegendText = label ?? "";
        return line;
    }
}
