using ReluKernels.Cli.Output;
using ReluKernels.Degeneracy.Examples;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>The CSV of <c>degeneracy</c>: one row per family member (the random pairs are in the JSON).</summary>
public static class DegeneracyCsv
{
    /// <summary>Builds the CSV text.</summary>
    public static string Build(IEnumerable<ExampleFamilyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var csv = new Csv("example", "name", "parameterName", "parameter", "uniform", "sobolevSemiNorm", "parameterDistance", "ratioUniform", "ratioSobolev");
        foreach (var p in points)
            csv.Row(p.Example, p.Name, p.ParameterName, p.Parameter, p.Uniform, p.SobolevSemiNorm, p.ParameterDistance, p.RatioUniform, p.RatioSobolev);
        return csv.ToString();
    }
}
