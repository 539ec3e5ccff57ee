using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ScottPlot;

namespace ReluKernels.Cli.InitCompare;

/// <summary>
/// The plots of <c>init-compare</c>: per task, the training RMSE curves of the three initialisations, mean with a ±1 sd
/// band (Shin &amp; Karniadakis 2020, Fig. 3 right, Fig. 6; <c>{stem}-{task}.png</c>), and for a 1-D task the networks of the first run over the
/// target (Figs. 2 and 3 left; <c>{stem}-{task}-fit.png</c>).
/// </summary>
public static class InitComparePlot
{
    private const int Points = 801;

    /// <summary>Writes the plots as PNG, SVG and PDF; returns the paths.</summary>
    public static string[] Save(IReadOnlyList<InitComparisonResult> results, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(files);
        var paths = new List<string>();
        foreach (var result in results)
        {
            paths.AddRange(files.Save(Curves(result), $"{stem}-{result.Task.Name}"));
            if (result.Task.Architecture.InputDim == 1)
                paths.AddRange(files.Save(Fits(result), $"{stem}-{result.Task.Name}-fit"));
        }
        return [.. paths];
    }

    private static Plot Curves(InitComparisonResult result)
    {
        var first = result.Reports[0];
        var plot = FigureStyle.Create($"{result.Task.Problem.Target.Name}: {first.Architecture}, {first.Optimizer} ({result.Task.Figure})", "epoch", "training RMSE");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        for (int i = 0; i < result.Reports.Count; i++)
        {
            var x = result.Reports[i];
            if (x.CurveEpochs.Count == 0)
                continue;
            var color = FigurePalette.Get(i);
            // An RMSE is positive; where mean − sd is not, the band has no lower end on a log axis and stops at the mean.
            int[] drawn = [.. Enumerable.Range(0, x.CurveMean.Count).Where(k => x.CurveMean[k] > 0)];
            double[] epochs = [.. drawn.Select(k => (double)x.CurveEpochs[k])], mean = [.. drawn.Select(k => LogAxis.Value(x.CurveMean[k]))];
            double[] low = [.. drawn.Select((k, j) => x.CurveMean[k] > x.CurveSd[k] ? LogAxis.Value(x.CurveMean[k] - x.CurveSd[k]) : mean[j])];
            double[] high = [.. drawn.Select(k => LogAxis.Value(x.CurveMean[k] + x.CurveSd[k]))];
            FigureStyle.Band(plot, epochs, low, high, color);
            FigureStyle.Summary(plot, epochs, mean, color, $"{x.Initializer} (mean ± sd of {x.Runs - x.Diverged})");
        }
        return plot;
    }

    private static Plot Fits(InitComparisonResult result)
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
        var plot = FigureStyle.Create($"Trained networks after {result.Reports[0].Epochs} epochs ({result.Task.Figure} left; Fig. 2)", "x", "y");
        FigureStyle.Curve(plot, xs, target, FigurePalette.Reference, $"target {result.Task.Problem.Target.Name}").LineWidth = FigureStyle.SummaryWidth;
        var network = new GenericNetwork<double>(a);
        var outputs = new double[Points];
        for (int i = 0; i < result.Runs.Count; i++)
        {
            var run = result.Runs[i][0];
            network.Forward([.. run.FinalParameters.Select(p => (double)p)], xs, outputs);
            FigureStyle.Curve(plot, xs, outputs.ToArray(), FigurePalette.Get(i), $"{result.Reports[i].Initializer} (run 0)");
        }
        return plot;
    }
}
