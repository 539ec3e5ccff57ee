using ReluKernels.Cli.Output;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.LengthMap;

/// <summary>The length-map CSV: one row per (activation, initialiser, layer), recursion beside simulation.</summary>
public static class LengthMapCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(LengthMapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new Csv("activation", "init", "width", "biasStd", "trials", "layer", "weightVariance", "recursion", "recursionExact",
            "simulated", "simulatedLow", "simulatedHigh", "standardError", "fixedPoint");
        foreach (var run in report.Runs)
            foreach (var l in run.Layers)
                csv.Row(run.Activation, run.Init, report.Width, report.BiasStd, report.Trials, l.Layer, l.WeightVariance, l.Recursion, run.RecursionExact,
                    l.Simulated?.Mean, l.Simulated?.Low, l.Simulated?.High, l.Simulated?.StandardError, run.FixedPoint);
        return csv.ToString();
    }
}
