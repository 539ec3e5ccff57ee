using ReluKernels.Cli.Plots;
using ReluKernels.Experiments.Remedies;
using ReluKernels.Statistics;
using ReluKernels.Training.Layers;
using ScottPlot;
using Stats = MathNet.Numerics.Statistics.Statistics;

namespace ReluKernels.Cli.TrainRemedies;

/// <summary>
/// The plots of <c>train-remedies</c>: the fraction collapsed, partially collapsed and successful per remedy with Wilson 95%
/// bars (<c>{stem}</c>), the median training loss per remedy with its interquartile band on a log axis (<c>{stem}-loss</c>),
/// and the fitted function of run 0 of each remedy over the target (<c>{stem}-functions</c>; first output, along x₂ = r/2
/// for 2-D input).
/// </summary>
public static class TrainRemediesPlot
{
    private const int Points = 401;

    /// <summary>Writes the three plots as PNG, SVG and PDF; returns the paths.</summary>
    public static string[] Save(RemedyResult result, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.Save(Fractions(result.Report), stem), .. files.Save(Losses(result), stem + "-loss"),
            .. files.Save(Functions(result), stem + "-functions")];
    }

    private static Plot Fractions(RemedyReport report)
    {
        var plot = FigureStyle.Create($"{report.Architecture} on {report.Formula}: outcome per remedy ({report.Epochs} epochs, Wilson 95%)",
            "remedy", "fraction of runs");
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
            FigureStyle.Simulation(plot, xs, estimates, FigurePalette.Get(k), kinds[k].Label);
            FigureStyle.Interval(plot, xs, estimates, [.. values.Select(v => v.Low)], [.. values.Select(v => v.High)], FigurePalette.Get(k));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. report.Remedies.Select((_, i) => (double)i)], [.. report.Remedies.Select(s => s.Remedy)]);
        return plot;
    }

    private static Plot Losses(RemedyResult result)
    {
        var plot = FigureStyle.Create("Training loss (MSE, epoch mean over mini-batches, training mode)", "epoch", "loss");
        IntegerAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        for (int i = 0; i < result.Runs.Count; i++)
        {
            var histories = result.Runs[i].Where(r => r.History is { Count: > 0 }).Select(r => r.History!).ToArray();
            if (histories.Length == 0)
                continue;
            int longest = histories.Max(h => h.Count);
            var epochs = histories.First(h => h.Count == longest).Epochs.ToArray();
            double[] Quantile(double tau) => [.. Enumerable.Range(0, longest).Select(k => Stats.Quantile(histories.Where(h => h.Count > k).Select(h => h.Losses[k]), tau))];
            double[] q1 = Quantile(0.25), median = Quantile(0.5), q3 = Quantile(0.75);
            // A loss of exactly 0 has no place on a log axis: such epochs are left out of the band and the line.
            int[] shown = [.. Enumerable.Range(0, longest).Where(k => q1[k] > 0)];
            double[] xs = [.. shown.Select(k => (double)epochs[k])];
            var color = FigurePalette.Get(i);
            FigureStyle.Band(plot, xs, [.. shown.Select(k => LogAxis.Value(q1[k]))], [.. shown.Select(k => LogAxis.Value(q3[k]))], color);
            FigureStyle.Summary(plot, xs, [.. shown.Select(k => LogAxis.Value(median[k]))], color,
                $"{result.Report.Remedies[i].Remedy} (median, quartiles of {histories.Length})");
        }
        return plot;
    }

    private static Plot Functions(RemedyResult result)
    {
        var setup = result.Setup;
        var a = setup.Architecture;
        var (xs, inputs, target) = TargetSection.Of(setup.Problem, Points);
        var plot = FigureStyle.Create($"Fitted functions, run {(result.Runs.Count > 0 && result.Runs[0].Count > 0 ? result.Runs[0][0].Index : 0)} of each remedy",
            TargetSection.AxisLabel(a.InputDim), "y");
        FigureStyle.Curve(plot, xs, target, FigurePalette.Reference, $"target {setup.Problem.Target.Name}").LineWidth = FigureStyle.SummaryWidth;
        var outputs = new double[a.OutputDim * Points];
        for (int i = 0; i < result.Runs.Count; i++)
        {
            if (result.Runs[i].Count == 0 || !result.Runs[i][0].FinalParameters.All(float.IsFinite))
                continue;
            var run = result.Runs[i][0];
            // Evaluation mode: running statistics, no dropout.
            new LayeredNetwork<double>(result.Layouts[i]).Forward([.. run.FinalParameters.Select(p => (double)p)], inputs, outputs);
            var row = result.Report.Trainings.First(t => t.Remedy == result.Report.Remedies[i].Remedy && t.Run == run.Index);
            FigureStyle.Curve(plot, xs, outputs[..Points], FigurePalette.Get(i), $"{result.Report.Remedies[i].Remedy}, run {run.Index}: {row.Outcome}");
        }
        return plot;
    }
}
