using ReluKernels.Cli.Plots;
using ReluKernels.Compositional;
using ReluKernels.Experiments.Compositional;
using ScottPlot;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// The plots of <c>compositional</c>: per target, the best model of each method over the curve (<c>{stem}-{target}.png</c>),
/// and the waves W_0..W_{d−1} of the best differentiability-enforced model after stage one (<c>{stem}-{target}-waves.png</c>).
/// </summary>
public static class CompositionalPlot
{
    private const int Points = 1001;

    /// <summary>Writes the plots as PNG, SVG and PDF; returns their paths.</summary>
    public static string[] Save(CompositionalResult result, FigureFiles files, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        var paths = new List<string>();
        for (int t = 0; t < result.Setup.Targets.Count; t++)
        {
            paths.AddRange(files.Save(Fits(result, t), $"{stem}-{result.Setup.Targets[t].Name}"));
            paths.AddRange(files.Save(Waves(result, t), $"{stem}-{result.Setup.Targets[t].Name}-waves"));
        }
        return [.. paths];
    }

    private static double[] Grid() => [.. Enumerable.Range(0, Points).Select(i => i / (double)(Points - 1))];

    private static Plot Fits(CompositionalResult result, int target)
    {
        var t = result.Setup.Targets[target];
        var a = result.Setup.Architecture;
        var xs = Grid();
        var ys = new double[Points];
        Span<double> y = stackalloc double[1];
        for (int i = 0; i < Points; i++)
        {
            t.Function.Evaluate(xs.AsSpan(i, 1), y);
            ys[i] = y[0];
        }
        var plot = FigureStyle.Create($"Best of {result.Setup.Models} models per method, {a}, on {t.Function.Name}", "x", "y");
        FigureStyle.Curve(plot, xs, ys, FigurePalette.Reference, $"target {t.Function.Name}").LineWidth = FigureStyle.SummaryWidth;
        var network = new GenericNetwork<double>(a);
        foreach (var method in Enum.GetValues<CompositionalMethod>())
        {
            var best = result.Best(target, method);
            var outputs = new double[Points];
            network.Forward([.. best.Parameters.Select(p => (double)p)], xs, outputs);
            FigureStyle.Curve(plot, xs, outputs, FigurePalette.Get((int)method), $"{method}: best MSE {best.Mse:0.00e+0}, {best.FinalRegions} regions");
        }
        return plot;
    }

    private static Plot Waves(CompositionalResult result, int target)
    {
        var peaks = result.Best(target, CompositionalMethod.Pretrained).Peaks;
        var xs = Grid();
        var waves = new double[peaks.Length];
        var curves = new double[peaks.Length][];
        for (int k = 0; k < peaks.Length; k++)
            curves[k] = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            TriangleWaves.Waves(peaks, xs[i], waves);
            for (int k = 0; k < peaks.Length; k++)
                curves[k][i] = waves[k] + 1.2 * (peaks.Length - 1 - k); // stacked, first layer on top
        }
        var plot = FigureStyle.Create(
            $"Layer waves of the best differentiability-enforced model after stage one ({result.Setup.Targets[target].Function.Name}), offset by 1.2 per layer",
            "x", "W_k(x) + offset");
        for (int k = 0; k < peaks.Length; k++)
            FigureStyle.Curve(plot, xs, curves[k], FigurePalette.Get(k), $"W_{k} (a_{k} = {peaks[k]:0.###})");
        return plot;
    }
}
