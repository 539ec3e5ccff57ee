using ReluKernels.Cli.Plots;
using ScottPlot;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>
/// The plots of <c>degeneracy</c>, on log–log axes: per family the ratio against the realisation distance in the norm in which it
/// diverges (<c>{stem}.*</c>), and per random pair the ratio against σ in P and in Q (<c>{stem}-restricted.*</c>).
/// </summary>
public static class DegeneracyPlot
{
    /// <summary>Writes the plots as PNG, SVG and PDF; returns the paths.</summary>
    public static string[] Save(DegeneracyResult result, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.Save(Families(result), stem), .. files.Save(Restricted(result), stem + "-restricted")];
    }

    private static Plot Families(DegeneracyResult result)
    {
        var plot = FigureStyle.Create("Examples 2.1-2.5 (illustrative families): the ratio diverges as the realisation distance vanishes",
            "realisation distance", "|Θ − Γ|∞ / distance^(1/2)");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        int i = 0;
        foreach (var family in result.Families.GroupBy(p => p.Example))
        {
            // Example 2.1 diverges in the uniform norm only; the others in W^{1,∞} too.
            bool uniform = family.Key == "2.1";
            var points = family.Select(p => (X: uniform ? p.Uniform : Math.Max(p.Uniform, p.SobolevSemiNorm), Y: uniform ? p.RatioUniform : p.RatioSobolev))
                .Where(p => p.X > 0 && p.Y > 0).ToArray(); // a log axis has no place for 0
            FigureStyle.Curve(plot, [.. points.Select(p => LogAxis.Value(p.X))], [.. points.Select(p => LogAxis.Value(p.Y))], FigurePalette.Get(i++),
                $"{family.Key} {family.First().Name} ({(uniform ? "uniform" : "W1,∞")})");
        }
        return plot;
    }

    private static Plot Restricted(DegeneracyResult result)
    {
        var plot = FigureStyle.Create("Ratio over random nearby pairs (Corollary 3.3: bounded on Q)", "σ", "|Φ − Γ|∞ / |R(Φ) − R(Γ)|W1∞^(1/2)");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        var pairs = result.RestrictedSpace.Pairs;
        // Pairs whose realisations agree (ratio infinite) are not drawn; the table counts them.
        var finiteP = pairs.Where(x => x.UnrestrictedRatio is > 0 && x.Sigma > 0).ToArray();
        var finiteQ = pairs.Where(x => x.RestrictedRatio is > 0 && x.Sigma > 0).ToArray();
        FigureStyle.Simulation(plot, [.. finiteP.Select(x => LogAxis.Value(x.Sigma))], [.. finiteP.Select(x => LogAxis.Value(x.UnrestrictedRatio!.Value))],
            FigurePalette.Get(0), "P (unrestricted)");
        FigureStyle.Simulation(plot, [.. finiteQ.Select(x => LogAxis.Value(x.Sigma))], [.. finiteQ.Select(x => LogAxis.Value(x.RestrictedRatio!.Value))],
            FigurePalette.Get(1), "Q (Definition 3.2, augmented)");
        return plot;
    }
}
