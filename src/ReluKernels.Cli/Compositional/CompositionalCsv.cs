using ReluKernels.Cli.Output;
using ReluKernels.Experiments.Compositional;

namespace ReluKernels.Cli.Compositional;

/// <summary>The CSV of <c>compositional</c>: one row per trained model.</summary>
public static class CompositionalCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(CompositionalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new Csv("target", "method", "model", "mse", "initialRegions", "finalRegions");
        for (int t = 0; t < result.Models.Count; t++)
            for (int m = 0; m < result.Models[t].Count; m++)
                foreach (var model in result.Models[t][m])
                    csv.Row(result.Setup.Targets[t].Name, (CompositionalMethod)m, model.Index, model.Mse, model.InitialRegions, model.FinalRegions);
        return csv.ToString();
    }
}
