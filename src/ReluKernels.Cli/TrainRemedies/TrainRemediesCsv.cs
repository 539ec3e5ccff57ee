using ReluKernels.Cli.Output;
using ReluKernels.Experiments.Remedies;

namespace ReluKernels.Cli.TrainRemedies;

/// <summary>The CSV of <c>train-remedies</c>: one row per training, remedy by remedy.</summary>
public static class TrainRemediesCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(RemedyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new Csv("remedy", "run", "outcome", "collapsedAtInit", "testError", "spread", "flatFraction", "finalLoss", "status", "epochs");
        foreach (var t in report.Trainings)
            csv.Row(t.Remedy, t.Run, t.Outcome, t.CollapsedAtInit, t.TestError, t.Spread, t.FlatFraction, t.FinalLoss, t.Status, t.Epochs);
        return csv.ToString();
    }
}
