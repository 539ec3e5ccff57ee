using ReluKernels.Cli.Output;
using ReluKernels.Experiments.Remedies;
using ReluKernels.Statistics;
using ReluKernels.Training.Layers;
using ScottPlot;
using Stats = MathNet.Numerics.Statistics.Statistics;

namespace ReluKernels.Cli.TrainRemedies;

/// <summary>
/// The plots of <c>train-remedies</c>: the fraction collapsed, partially collapsed and successful per remedy with Wilson 95%
/// bars (<c>{stem}.png</c>), the median training loss per remedy with its interquartile band (<c>{stem}-loss.png</c>), and
/// the fitted function of run 0 of each remedy over the target (<c>{stem}-functions.png</c>; first output, along x₂ = r/2 for 2-D input).
/// </summary>
public static class TrainRemediesPlot
{
    private const int Points = 401;

    /// <summary>Writes the three plots as PNG and SVG; returns the paths.</summary>
    public static string[] Save(RemedyResult result, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Fractions(result.Report, stem), .. Losses(result, stem + "-loss"), .. Functions(result, stem + "-functions")];
    }

    private static string[] Fractions(RemedyReport report, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var kinds = new (string Label, Func<RemedySummary, WilsonInterval> Of)[]
        {
            ("collapsed", s => s.Collapsed), ("partially collapsed", s => s.PartiallyCollapsed), ("successful", s => s.Successful),
        };
        for (int k = 0; k < kinds.Length; k++)
        {
            // Side by side: each outcome shifted a little within its remedy's slot.
            double[] xs = [.. report.Remedies.Select((_, i) => i + (k - 1) * 0.2)];
            var values = report.Remedies.Select(kinds[k].Of).ToArray();
            double[] estimates = [.. values.Select(v => v.Estimate)];
            var points = plot.Add.Scatter(xs, estimates);
            points.Color = palette.GetColor(k);
            points.LineWidth = 0;
            points.MarkerSize = 7;
            points.LegendText = kinds[k].Label;
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, estimates, null, null,
                [.. values.Select(v => v.High - v.Estimate)], [.. values.Select(v => v.Estimate - v.Low)])
            { Color = palette.GetColor(k) });
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. report.Remedies.Select((_, i) => (double)i)], [.. report.Remedies.Select(s => s.Remedy)]);
        plot.Title($"{report.Architecture} on {report.Formula}: outcome per remedy ({report.Epochs} epochs, Wilson 95%)");
        plot.YLabel("fraction of runs");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Losses(RemedyResult result, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < result.Runs.Count; i++)
        {
            var histories = result.Runs[i].Where(r => r.History is { Count: > 0 }).Select(r => r.History!).ToArray();
            if (histories.Length == 0)
                continue;
            int longest = histories.Max(h => h.Count);
            double[] epochs = [.. histories.First(h => h.Count == longest).Epochs.ToArray().Select(e => (double)e)];
            double[] Quantile(double tau) => [.. Enumerable.Range(0, longest).Select(k =>
                Log(Stats.Quantile(histories.Where(h => h.Count > k).Select(h => h.Losses[k]), tau)))];
            var color = palette.GetColor(i % 10);
            var band = plot.Add.FillY(epochs, Quantile(0.25), Quantile(0.75));
            band.FillStyle.Color = color.WithAlpha(0.15);
            band.LineStyle.Width = 0;
            var line = plot.Add.Scatter(epochs, Quantile(0.5));
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{result.Report.Remedies[i].Remedy} (median, quartiles of {histories.Length})";
        }
        plot.Title("Training loss (MSE, epoch mean over mini-batches, training mode)");
        plot.XLabel("epoch");
        plot.YLabel("log10(loss)");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Functions(RemedyResult result, string stem)
    {
        var setup = result.Setup;
        var a = setup.Architecture;
        double r = setup.Problem.Radius;
        int d = a.InputDim;
        double[] xs = [.. Enumerable.Range(0, Points).Select(i => -r + 2 * r * i / (Points - 1))];
        var inputs = new double[d * Points];
        for (int s = 0; s < Points; s++)
        {
            inputs[s] = xs[s];
            for (int k = 1; k < d; k++)
                inputs[k * Points + s] = r / 2;
        }
        var target = new double[Points];
        var x = new double[d];
        var y = new double[a.OutputDim];
        for (int s = 0; s < Points; s++)
        {
            for (int k = 0; k < d; k++)
                x[k] = inputs[k * Points + s];
            setup.Problem.Target.Evaluate(x, y);
            target[s] = y[0];
        }
        var plot = new Plot();
        var line = plot.Add.Scatter(xs, target);
        line.Color = Colors.Black;
        line.LineWidth = 3;
        line.MarkerSize = 0;
        line.LegendText = $"target {setup.Problem.Target.Name}";
        var palette = new ScottPlot.Palettes.Category10();
        var outputs = new double[a.OutputDim * Points];
        for (int i = 0; i < result.Runs.Count; i++)
        {
            if (result.Runs[i].Count == 0 || !result.Runs[i][0].FinalParameters.All(float.IsFinite))
                continue;
            var run = result.Runs[i][0];
            // Evaluation mode: running statistics, no dropout.
            new LayeredNetwork<double>(result.Layouts[i]).Forward([.. run.FinalParameters.Select(p => (double)p)], inputs, outputs);
            var fitted = plot.Add.Scatter(xs, outputs[..Points]);
            fitted.Color = palette.GetColor(i % 10);
            fitted.LineWidth = 2;
            fitted.MarkerSize = 0;
            var row = result.Report.Trainings.First(t => t.Remedy == result.Report.Remedies[i].Remedy && t.Run == run.Index);
            fitted.LegendText = $"{result.Report.Remedies[i].Remedy}, run {run.Index}: {row.Outcome}";
        }
        plot.Title($"Fitted functions, run {(result.Runs.Count > 0 && result.Runs[0].Count > 0 ? result.Runs[0][0].Index : 0)} of each remedy");
        plot.XLabel(d == 1 ? "x" : "x₁ (x₂ = r/2)");
        plot.YLabel("y");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static double Log(double loss) => Math.Log10(Math.Max(loss, 1e-30));
}
