using ReluKernels.Cli.Output;
using ScottPlot;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>
/// The plots of <c>degeneracy</c>, log-log: per family the ratio against the realisation distance in the norm in which it
/// diverges (<c>{stem}.png</c>), and per random pair the ratio against σ in P and in Q (<c>{stem}-restricted.png</c>).
/// </summary>
public static class DegeneracyPlot
{
    /// <summary>Writes the plots as PNG and SVG; returns the paths.</summary>
    public static string[] Save(DegeneracyResult result, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Families(result, stem), .. Restricted(result, stem + "-restricted")];
    }

    private static string[] Families(DegeneracyResult result, string stem)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (var family in result.Families.GroupBy(p => p.Example))
        {
            // Example 2.1 diverges in the uniform norm only; the others in W^{1,∞} too.
            bool uniform = family.Key == "2.1";
            double[] x = [.. family.Select(p => Log(uniform ? p.Uniform : Math.Max(p.Uniform, p.SobolevSemiNorm)))];
            double[] y = [.. family.Select(p => Log(uniform ? p.RatioUniform : p.RatioSobolev))];
            var line = plot.Add.Scatter(x, y);
            line.Color = palette.GetColor(i++);
            line.LineWidth = 2;
            line.LegendText = $"{family.Key} {family.First().Name} ({(uniform ? "uniform" : "W1,∞")})";
        }
        plot.Title("Examples 2.1-2.5 (illustrative families): the ratio diverges as the realisation distance vanishes");
        plot.XLabel("log10(realisation distance)");
        plot.YLabel("log10(|Θ − Γ|∞ / distance^(1/2))");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Restricted(DegeneracyResult result, string stem)
    {
        var plot = new Plot();
        var pairs = result.RestrictedSpace.Pairs;
        // Pairs whose realisations agree (ratio infinite) are not drawn; the table counts them.
        var finiteP = pairs.Where(x => x.UnrestrictedRatio is not null).ToArray();
        var finiteQ = pairs.Where(x => x.RestrictedRatio is not null).ToArray();
        var p = plot.Add.ScatterPoints(finiteP.Select(x => Log(x.Sigma)).ToArray(), finiteP.Select(x => Log(x.UnrestrictedRatio!.Value)).ToArray());
        p.LegendText = "P (unrestricted)";
        var q = plot.Add.ScatterPoints(finiteQ.Select(x => Log(x.Sigma)).ToArray(), finiteQ.Select(x => Log(x.RestrictedRatio!.Value)).ToArray());
        q.LegendText = "Q (Definition 3.2, augmented)";
        plot.Title("Ratio over random nearby pairs (Corollary 3.3: bounded on Q)");
        plot.XLabel("log10(σ)");
        plot.YLabel("log10(|Φ − Γ|∞ / |R(Φ) − R(Γ)|W1∞^(1/2))");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static double Log(double value) => Math.Log10(Math.Max(value, 1e-300));
}
