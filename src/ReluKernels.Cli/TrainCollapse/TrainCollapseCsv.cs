using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.TrainCollapse;

/// <summary>The CSV of <c>train-collapse</c>: one row per training.</summary>
public static class TrainCollapseCsv
{
    /// <summary>Builds the CSV text; constants of multi-output targets are joined with ';'.</summary>
    public static string Build(CollapseTrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new Csv("run", "outcome", "collapsedAtInit", "isMean", "isMedian", "constant", "distanceToMean", "distanceToMedian",
            "flatFraction", "finalLoss", "testError", "status", "epochs", "gradientVanishedEpoch", "firstDeadLayer", "deadHiddenNeurons");
        foreach (var t in report.Trainings)
            csv.Row(t.Run, t.Outcome, t.CollapsedAtInit, t.IsMean, t.IsMedian,
                string.Join(';', t.Constant.Select(c => c.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
                t.DistanceToMean, t.DistanceToMedian, t.FlatFraction, t.FinalLoss, t.TestError, t.Status, t.Epochs, t.GradientVanishedEpoch,
                t.FirstDeadLayer, t.DeadHiddenNeurons);
        return csv.ToString();
    }
}
