using ReluKernels.Cli.Output;
using ReluKernels.Conditioning;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>The train-depth CSV: one row per activation and depth; empty loss fields when every run diverged.</summary>
public static class TrainDepthCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(DepthTrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var csv = new Csv("activation", "depth", "width", "inputs", "dimension", "separation", "epochs", "lr", "runs",
            "initialLossMedian", "finalLossMin", "finalLossQ1", "finalLossMedian", "finalLossQ3", "finalLossMax", "fitted", "diverged");
        foreach (var row in report.Rows)
            csv.Row(row.Activation, row.Depth, s.Width, s.Inputs, s.Dimension, report.DataSeparation, s.Epochs, s.LearningRate, row.Runs,
                row.InitialLoss.Median, row.FinalLoss?.Min, row.FinalLoss?.Q1, row.FinalLoss?.Median, row.FinalLoss?.Q3, row.FinalLoss?.Max, row.Fitted, row.Diverged);
        return csv.ToString();
    }
}
