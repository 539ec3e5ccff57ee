using ReluKernels.Cli.Output;
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

    /// <summary>Writes the plots as PNG and SVG; returns their paths.</summary>
    public static string[] Save(CompositionalResult result, string stem)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = new List<string>();
        for (int t = 0; t < result.Setup.Targets.Count; t++)
        {
            files.AddRange(Fits(result, t, $"{stem}-{result.Setup.Targets[t].Name}"));
            files.AddRange(Waves(result, t, $"{stem}-{result.Setup.Targets[t].Name}-waves"));
        }
        return [.. files];
    }

    private static double[] Grid() => [.. Enumerable.Range(0, Points).Select(i => i / (double)(Points - 1))];

    private static string[] Fits(CompositionalResult result, int target, string stem)
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
        var plot = new Plot();
        var line = plot.Add.Scatter(xs, ys);
        line.Color = Colors.Black;
        line.LineWidth = 3;
        line.MarkerSize = 0;
        line.LegendText = $"target {t.Function.Name}";
        var palette = new ScottPlot.Palettes.Category10();
        var network = new GenericNetwork<double>(a);
        foreach (var method in Enum.GetValues<CompositionalMethod>())
        {
            var best = result.Best(target, method);
            var outputs = new double[Points];
            network.Forward([.. best.Parameters.Select(p => (double)p)], xs, outputs);
            var fit = plot.Add.Scatter(xs, outputs);
            fit.Color = palette.GetColor((int)method);
            fit.LineWidth = 2;
            fit.MarkerSize = 0;
            fit.LegendText = $"{method}: best MSE {best.Mse:0.00e+0}, {best.FinalRegions} regions";
        }
        plot.Title($"Best of {result.Setup.Models} models per method, {a}, on {t.Function.Name}");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }

    private static string[] Waves(CompositionalResult result, int target, string stem)
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
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int k = 0; k < peaks.Length; k++)
        {
            var wave = plot.Add.Scatter(xs, curves[k]);
            wave.Color = palette.GetColor(k);
            wave.LineWidth = 2;
            wave.MarkerSize = 0;
            wave.LegendText = $"W_{k} (a_{k} = {peaks[k]:0.###})";
        }
        plot.Title($"Layer waves of the best differentiability-enforced model after stage one ({result.Setup.Targets[target].Function.Name}), offset by 1.2 per layer");
        plot.XLabel("x");
        plot.YLabel("W_k(x) + offset");
        plot.ShowLegend(Edge.Right);
        return PlotFiles.Save(plot, stem);
    }
}
