using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ScottPlot;

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>
/// Shin &amp; Karniadakis 2020, Figs. 4–5 (left), one plot per target (<c>{stem}-{target}.png</c>): Theorem 3's trainability as a line, the
/// empirical success rate and the trainability measured on the initial networks as markers with 95% intervals.
/// </summary>
public static class TrainSuccessPlot
{
    /// <summary>Writes one PNG, SVG and PDF per target; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<TrainingSuccessReport> rows, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(files);
        var paths = new List<string>();
        foreach (var group in rows.GroupBy(x => x.Target))
        {
            var points = group.OrderBy(x => x.Width).ToArray();
            double[] widths = [.. points.Select(x => (double)x.Width)];
            var first = points[0];
            var plot = FigureStyle.Create($"{first.Target} = {first.Formula}: success vs trainability (m = {first.Required}, {first.Runs} runs per width)",
                "width n", "probability");
            IntegerAxis.Apply(plot.Axes.Bottom);
            FigureStyle.Theory(plot, widths, [.. points.Select(x => x.Trainability)], FigurePalette.Reference, "trainability (Theorem 3)");
            AddPoints(plot, FigurePalette.Get(0), "training success (95% CI)", widths, [.. points.Select(x => x.SuccessRate)]);
            AddPoints(plot, FigurePalette.Get(1), "trainable at initialisation (95% CI)", widths, [.. points.Select(x => x.SimulatedTrainability)]);
            plot.Axes.SetLimitsY(0, 1.02);
            paths.AddRange(files.Save(plot, $"{stem}-{first.Target}"));
        }
        return [.. paths];
    }

    private static void AddPoints(Plot plot, Color color, string label, double[] xs, Statistics.WilsonInterval[] values)
    {
        double[] estimates = [.. values.Select(v => v.Estimate)];
        FigureStyle.Interval(plot, xs, estimates, [.. values.Select(v => v.Low)], [.. values.Select(v => v.High)], color);
        FigureStyle.Simulation(plot, xs, estimates, color, label);
    }
}
