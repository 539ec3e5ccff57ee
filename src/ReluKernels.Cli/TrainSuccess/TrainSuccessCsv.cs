using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>The CSV of <c>train-success</c>: one row per target and width.</summary>
public static class TrainSuccessCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(IEnumerable<TrainingSuccessReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var csv = new Csv("target", "width", "required", "runs", "successful", "successRate", "successCiLow", "successCiHigh", "trainability",
            "boundPValue", "respectsBound", "trainableAtInit", "simulatedTrainability", "trainabilityCiLow", "trainabilityCiHigh",
            "initAgreesWithTheorem3", "successfulButUntrainable", "collapsed", "partiallyCollapsed", "failed", "diverged", "meanActiveAtInit",
            "meanActiveAfterTraining", "medianTestError", "optimizer", "batchSize", "epochs", "kernel");
        foreach (var x in reports)
            csv.Row(x.Target, x.Width, x.Required, x.Runs, x.Successful, x.SuccessRate.Estimate, x.SuccessRate.Low, x.SuccessRate.High,
                x.Trainability, x.BoundPValue, x.RespectsBound, x.TrainableAtInit, x.SimulatedTrainability.Estimate, x.SimulatedTrainability.Low,
                x.SimulatedTrainability.High, x.InitAgreesWithTheorem3, x.SuccessfulButUntrainable, x.Collapsed, x.PartiallyCollapsed, x.Failed,
                x.Diverged, x.MeanActiveAtInit, x.MeanActiveAfterTraining, x.MedianTestError, x.Optimizer, x.BatchSize, x.Epochs, x.Kernel);
        return csv.ToString();
    }
}
