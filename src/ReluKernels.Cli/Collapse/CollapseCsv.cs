using ReluKernels.Cli.Output;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.Collapse;

/// <summary>The CSV form of the collapse table: one row per cell; checks joined by ';'.</summary>
public static class CollapseCsv
{
    /// <summary>Writes the CSV to <paramref name="writer"/> row by row.</summary>
    public static void Write(TextWriter writer, IEnumerable<CollapseCellReport> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var csv = new Csv(writer, "width", "depth", "weights", "bias", "biasStd", "radius", "engine", "code", "detection", "trials", "collapsed", "estimate",
            "ciLow", "ciHigh", "probe", "zeroAtProbe", "zeroEstimate", "zeroCiLow", "zeroCiHigh", "theorem8", "theorem9", "theorem10",
            "refinedLower", "refinedUpper", "agrees", "disagreements");
        foreach (var c in cells)
            csv.Row(c.Width, c.Depth, c.Weights, c.Bias, c.BiasStd, c.Radius, c.Engine, c.Code, c.Detection, c.Trials, c.Collapsed, c.Estimate,
                c.CiLow, c.CiHigh, c.Probe, c.ZeroAtProbe, c.ZeroEstimate, c.ZeroCiLow, c.ZeroCiHigh, c.Theorem8, c.Theorem9, c.Theorem10,
                c.RefinedLower, c.RefinedUpper, c.Agrees, string.Join(';', c.Disagreements));
    }
}
