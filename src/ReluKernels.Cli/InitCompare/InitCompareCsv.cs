using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.InitCompare;

/// <summary>The CSV of <c>init-compare</c>: one row per task and initialisation (the RMSE curves are in the JSON).</summary>
public static class InitCompareCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(IEnumerable<InitComparisonReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var csv = new Csv("task", "initializer", "runs", "epochs", "diverged", "rmseAt1Percent", "rmseAt10Percent", "finalRmseMean", "finalRmseSd",
            "meanDeadAtInit", "meanDeadAfterTraining", "deadNeuronsExact", "optimizer", "architecture", "initializerDetails");
        foreach (var x in reports)
            csv.Row(x.Task, x.Initializer, x.Runs, x.Epochs, x.Diverged, x.MeanRmseAt(x.Epochs / 100), x.MeanRmseAt(x.Epochs / 10), x.FinalRmseMean,
                x.FinalRmseSd, x.MeanDeadAtInit, x.MeanDeadAfterTraining, x.DeadNeuronsExact, x.Optimizer, x.Architecture, x.InitializerDetails);
        return csv.ToString();
    }
}
