using MathNet.Numerics.Integration;

namespace ReluKernels.Theory;

/// <summary>
/// Averages E[f(ω)] of smooth (vector-valued) functions over ω ~ Unif(a, b) when f is smooth on each piece between
/// given breakpoints (kinks allowed at the breakpoints): composite 32-point Gauss–Legendre (MathNet's nodes) on 1, 2,
/// 4, … equal panels per piece, doubled until two successive results differ by at most the tolerance in every entry.
/// </summary>
internal static class PiecewiseGaussLegendre
{
    private const int Order = 32;
    private const int MaxPanelsPerPiece = 1 << 12;

    private static readonly double[] Nodes = new GaussLegendreRule(-1, 1, Order).Abscissas;
    private static readonly double[] Weights = new GaussLegendreRule(-1, 1, Order).Weights;

    /// <summary>
    /// E[f(ω)], ω uniform on [breaks[0], breaks[^1]]; <paramref name="accumulate"/>(ω, w, acc) must add w·f(ω) to acc.
    /// </summary>
    public static double[] UniformAverage(double[] breaks, int length, Action<double, double, double[]> accumulate, double tolerance)
    {
        double total = breaks[^1] - breaks[0];
        double[]? previous = null;
        for (int panels = 1; panels <= MaxPanelsPerPiece; panels *= 2)
        {
            var acc = new double[length];
            for (int piece = 0; piece + 1 < breaks.Length; piece++)
            {
                double width = (breaks[piece + 1] - breaks[piece]) / panels;
                if (width <= 0)
                    continue;
                for (int k = 0; k < panels; k++)
                {
                    double lo = breaks[piece] + k * width;
                    double half = 0.5 * width, mid = lo + half;
                    for (int i = 0; i < Order; i++)
                        accumulate(mid + half * Nodes[i], half * Weights[i] / total, acc);
                }
            }
            if (previous is not null && MaxDifference(acc, previous) <= tolerance)
                return acc;
            previous = acc;
        }
        return previous!;
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
