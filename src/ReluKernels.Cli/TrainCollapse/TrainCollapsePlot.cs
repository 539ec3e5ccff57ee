using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Outcomes;
using ScottPlot;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>
/// The plots of <c>train-collapse</c> (Lu et al. 2019, Figs. 1–5): the fitted functions of a few runs — the first of each outcome
/// that occurred — over the target (<c>{stem}.png</c>), and their loss curves under the median over all runs, on a log axis
/// (<c>{stem}-loss.png</c>). For a 2-D input the functions are drawn along the line x₂ = r/2 (first output).
/// </summary>
public static class TrainCollapsePlot
{
    private const int Points = 401;

    /// <summary>Writes both plots as PNG, SVG and PDF; returns the six paths.</summary>
    public static string[] Save(CollapseTrainingResult result, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        var examples = Examples(result.Runs);
        return [.. files.Save(Functions(result, examples), stem), .. files.Save(Losses(result, examples), stem + "-loss")];
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

    private static Plot Functions(CollapseTrainingResult result, List<(TrainingRun<float> Run, string Label)> examples)
    {
        var setup = result.Setup;
        var a = setup.Architecture;
        int d = a.InputDim;
        var (xs, inputs, target) = TargetSection.Of(setup.Problem, Points);

        var report = result.Report;
        var plot = FigureStyle.Create($"{report.Architecture} trained on {setup.Problem.Target.Name} ({(report.Loss == LossFunction.MeanAbsoluteError ? "MAE" : "MSE")}): "
            + $"{report.Collapsed} of {report.Runs} collapsed", TargetSection.AxisLabel(d), a.OutputDim == 1 ? "y" : "y₁");
        FigureStyle.Curve(plot, xs, target, FigurePalette.Reference,
            a.OutputDim == 1 ? $"target {setup.Problem.Target.Name}" : $"target {setup.Problem.Target.Name}, output 1").LineWidth = FigureStyle.SummaryWidth;
        var network = new GenericNetwork<double>(a);
        var outputs = new double[a.OutputDim * Points];
        for (int i = 0; i < examples.Count; i++)
        {
            network.Forward([.. examples[i].Run.FinalParameters.Select(p => (double)p)], inputs, outputs);
            FigureStyle.Curve(plot, xs, outputs[..Points], FigurePalette.Get(i), examples[i].Label);
        }
        return plot;
    }

    private static Plot Losses(CollapseTrainingResult result, List<(TrainingRun<float> Run, string Label)> examples)
    {
        var plot = FigureStyle.Create($"Training loss ({(result.Report.Loss == LossFunction.MeanAbsoluteError ? "MAE" : "MSE")}, epoch mean over mini-batches)",
            "epoch", "loss");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        for (int i = 0; i < examples.Count; i++)
        {
            if (examples[i].Run.History is not { Count: > 0 } history)
                continue;
            var (x, y) = Positive(history.Epochs.ToArray().Select(e => (double)e), history.Losses.ToArray());
            FigureStyle.Curve(plot, x, y, FigurePalette.Get(i), examples[i].Label);
        }
        // The median is added last so it is drawn above the runs it summarises.
        var histories = result.Runs.Where(r => r.History is not null).Select(r => r.History!).ToArray();
        if (histories.Length > 0)
        {
            int longest = histories.Max(h => h.Count);
            var epochs = histories.First(h => h.Count == longest).Epochs.ToArray();
            double[] median = [.. Enumerable.Range(0, longest).Select(i =>
                MathNet.Numerics.Statistics.Statistics.Median(histories.Where(h => h.Count > i).Select(h => h.Losses[i])))];
            var (x, y) = Positive(epochs.Select(e => (double)e), median);
            FigureStyle.Summary(plot, x, y, FigurePalette.Reference, $"median of {histories.Length} runs");
        }
        return plot;
    }

    // A loss of exactly 0 has no place on a log axis: such epochs are left out of the curve.
    private static (double[] X, double[] Y) Positive(IEnumerable<double> epochs, IEnumerable<double> losses)
    {
        var points = epochs.Zip(losses).Where(p => p.Second > 0).ToArray();
        return ([.. points.Select(p => p.First)], [.. points.Select(p => LogAxis.Value(p.Second))]);
    }
}
