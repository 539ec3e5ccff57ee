using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Training;
using ScottPlot;
using ReluKernels.Experiments.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>
/// The plots of <c>train-collapse</c> (Lu et al. 2019, Figs. 1–5): the fitted functions of a few runs — the first of each outcome
/// that occurred — over the target (<c>{stem}.png</c>), and their loss curves beside the median over all runs
/// (<c>{stem}-loss.png</c>). For a 2-D input the functions are drawn along the line x₂ = r/2 (first output).
/// </summary>
public static class TrainCollapsePlot
{
    private const int Points = 401;

    /// <summary>Writes both plots as PNG and SVG; returns the four paths.</summary>
    public static string[] Save(CollapseTrainingResult result, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        var examples = Examples(result.Runs);
        return [.. Functions(result, examples, stem), .. Losses(result, examples, stem + "-loss")];
    }

    /// <summary>The first run of each outcome that occurred, labelled.</summary>
    private static List<(TrainingRun<float> Run, string Label)> Examples(IReadOnlyList<TrainingRun<float>> runs)
    {
        var picks = new (Func<TrainingOutcome, bool> When, string Label)[]
        {
            (o => o.Kind == OutcomeKind.Collapsed && o.IsMean, "collapsed to the mean"),
            (o => o.Kind == OutcomeKind.Collapsed && o.IsMedian && !o.IsMean, "collapsed to a median"),
            (o => o.Kind == OutcomeKind.Collapsed && !o.IsMean && !o.IsMedian, "collapsed elsewhere"),
            (o => o.Kind == OutcomeKind.PartiallyCollapsed, "partially collapsed"),
            (o => o.Kind == OutcomeKind.Successful, "successful"),
            (o => o.Kind == OutcomeKind.Failed, "failed"),
        };
        var examples = new List<(TrainingRun<float>, string)>();
        foreach (var (when, label) in picks)
            if (runs.FirstOrDefault(r => r.Outcome is { } o && when(o)) is { } run)
                examples.Add((run, $"run {run.Index}: {label}"));
        return examples;
    }

    private static string[] Functions(CollapseTrainingResult result, List<(TrainingRun<float> Run, string Label)> examples, string stem)
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
        line.LegendText = a.OutputDim == 1 ? $"target {setup.Problem.Target.Name}" : $"target {setup.Problem.Target.Name}, output 1";
        var palette = new ScottPlot.Palettes.Category10();
        var network = new GenericNetwork<double>(a);
        var outputs = new double[a.OutputDim * Points];
        for (int i = 0; i < examples.Count; i++)
        {
            network.Forward([.. examples[i].Run.FinalParameters.Select(p => (double)p)], inputs, outputs);
            var fitted = plot.Add.Scatter(xs, outputs[..Points]);
            fitted.Color = palette.GetColor(i);
            fitted.LineWidth = 2;
            fitted.MarkerSize = 0;
            fitted.LegendText = examples[i].Label;
        }
        var report = result.Report;
        plot.Title($"{report.Architecture} trained on {setup.Problem.Target.Name} ({(report.Loss == LossFunction.MeanAbsoluteError ? "MAE" : "MSE")}): "
            + $"{report.Collapsed} of {report.Runs} collapsed");
        plot.XLabel(d == 1 ? "x" : "x₁ (x₂ = r/2)");
        plot.YLabel(a.OutputDim == 1 ? "y" : "y₁");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Losses(CollapseTrainingResult result, List<(TrainingRun<float> Run, string Label)> examples, string stem)
    {
        var plot = new Plot();
        var histories = result.Runs.Where(r => r.History is not null).Select(r => r.History!).ToArray();
        if (histories.Length > 0)
        {
            int longest = histories.Max(h => h.Count);
            var epochs = histories.First(h => h.Count == longest).Epochs.ToArray();
            double[] median = [.. Enumerable.Range(0, longest).Select(i =>
                MathNet.Numerics.Statistics.Statistics.Median(histories.Where(h => h.Count > i).Select(h => h.Losses[i])))];
            double[] x = [.. epochs.Select(e => (double)e)], y = [.. median.Select(Log)];
            var line = plot.Add.Scatter(x, y);
            line.Color = Colors.Black;
            line.LineWidth = 3;
            line.MarkerSize = 0;
            line.LegendText = $"median of {histories.Length} runs";
        }
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < examples.Count; i++)
        {
            if (examples[i].Run.History is not { Count: > 0 } history)
                continue;
            double[] x = [.. history.Epochs.ToArray().Select(e => (double)e)], y = [.. history.Losses.ToArray().Select(Log)];
            var curve = plot.Add.Scatter(x, y);
            curve.Color = palette.GetColor(i);
            curve.LineWidth = 2;
            curve.MarkerSize = 0;
            curve.LegendText = examples[i].Label;
        }
        plot.Title($"Training loss ({(result.Report.Loss == LossFunction.MeanAbsoluteError ? "MAE" : "MSE")}, epoch mean over mini-batches)");
        plot.XLabel("epoch");
        plot.YLabel("log10(loss)");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static double Log(double loss) => Math.Log10(Math.Max(loss, 1e-30));
}
