using ReluKernels.Cli.Output;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.Conditioning;

/// <summary>The conditioning CSV: one row per depth, theory beside simulation; empty fields where a value does not exist.</summary>
public static class ConditioningCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(ConditioningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new Csv("activation", "mu", "inputs", "separation", "width", "networks", "depth",
            "maxCorrelationTheory", "maxCorrelation", "maxCorrelationLow", "maxCorrelationHigh",
            "conditionTheory", "condition", "conditionLow", "conditionHigh", "singularNetworks", "kernelError", "kernelErrorLow", "kernelErrorHigh",
            "ntkConditionTheory", "ntkCondition", "ntkConditionLow", "ntkConditionHigh");
        foreach (var d in report.Depths)
            csv.Row(report.Activation, report.NonLinearity, report.Inputs, report.Separation, report.Width, report.Networks, d.Depth,
                d.TheoryMaxCorrelation, d.MaxCorrelation?.Mean, d.MaxCorrelation?.Low, d.MaxCorrelation?.High,
                d.TheoryConditionNumber, d.ConditionNumber?.Mean, d.ConditionNumber?.Low, d.ConditionNumber?.High, d.SingularNetworks,
                d.KernelError?.Mean, d.KernelError?.Low, d.KernelError?.High,
                d.TheoryNtkConditionNumber, d.NtkConditionNumber?.Mean, d.NtkConditionNumber?.Low, d.NtkConditionNumber?.High);
        return csv.ToString();
    }
}
