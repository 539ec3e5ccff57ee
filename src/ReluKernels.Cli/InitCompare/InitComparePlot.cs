using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ScottPlot;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.InitCompare;

/// <summary>
/// The plots of <c>init-compare</c>: per task, the training RMSE curves of the three initialisations, mean with a ±1 sd
/// band (Shin &amp; Karniadakis 2020, Fig. 3 right, Fig. 6; <c>{stem}-{task}.png</c>), and for a 1-D task the networks of the first run over the
/// target (Figs. 2 and 3 left; <c>{stem}-{task}-fit.png</c>).
/// </summary>
public static class InitComparePlot
{
    private const int Points = 801;

    /// <summary>Writes the plots as PNG and SVG; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<InitComparisonResult> results, string stem)
    {
        ArgumentNullException.ThrowIfNull(results);
        var files = new List<string>();
        foreach (var result in results)
        {
            files.AddRange(Curves(result, $"{stem}-{result.Task.Name}"));
            if (result.Task.Architecture.InputDim == 1)
                files.AddRange(Fits(result, $"{stem}-{result.Task.Name}-fit"));
        }
        return [.. files];
    }

    private static string[] Curves(InitComparisonResult result, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < result.Reports.Count; i++)
        {
            var x = result.Reports[i];
            if (x.CurveEpochs.Count == 0)
                continue;
            var color = palette.GetColor(i);
            double[] epochs = [.. x.CurveEpochs.Select(e => (double)e)];
            double[] low = [.. x.CurveMean.Select((m, k) => Log(m - x.CurveSd[k]))];
            double[] high = [.. x.CurveMean.Select((m, k) => Log(m + x.CurveSd[k]))];
            var band = plot.Add.FillY(epochs, low, high);
            band.FillStyle.Color = color.WithAlpha(0.2);
            band.LineStyle.Width = 0;
            double[] mean = [.. x.CurveMean.Select(Log)];
            var line = plot.Add.Scatter(epochs, mean);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{x.Initializer} (mean ± sd of {x.Runs - x.Diverged})";
        }
        var first = result.Reports[0];
        plot.Title($"{result.Task.Problem.Target.Name}: {first.Architecture}, {first.Optimizer} ({result.Task.Figure})");
        plot.XLabel("epoch");
        plot.YLabel("log10(training RMSE)");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Fits(InitComparisonResult result, string stem)
    {
        var a = result.Task.Architecture;
        double r = result.Task.Problem.Radius;
        double[] xs = [.. Enumerable.Range(0, Points).Select(i => -r + 2 * r * i / (Points - 1))];
        var y = new double[1];
        double[] target = [.. xs.Select(x =>
        {
            result.Task.Problem.Target.Evaluate([x], y);
            return y[0];
        })];
        var plot = new Plot();
        var line = plot.Add.Scatter(xs, target);
        line.Color = Colors.Black;
        line.LineWidth = 3;
        line.MarkerSize = 0;
        line.LegendText = $"target {result.Task.Problem.Target.Name}";
        var palette = new ScottPlot.Palettes.Category10();
        var network = new GenericNetwork<double>(a);
        var outputs = new double[Points];
        for (int i = 0; i < result.Runs.Count; i++)
        {
            var run = result.Runs[i][0];
            network.Forward([.. run.FinalParameters.Select(p => (double)p)], xs, outputs);
            var fitted = plot.Add.Scatter(xs, outputs.ToArray());
            fitted.Color = palette.GetColor(i);
            fitted.LineWidth = 2;
            fitted.MarkerSize = 0;
            fitted.LegendText = $"{result.Reports[i].Initializer} (run 0)";
        }
        plot.Title($"Trained networks after {result.Reports[0].Epochs} epochs ({result.Task.Figure} left; Fig. 2)");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static double Log(double value) => Math.Log10(Math.Max(value, 1e-12));
}
