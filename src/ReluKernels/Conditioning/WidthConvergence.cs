using MathNet.Numerics;
using ReluKernels.Activations;

namespace ReluKernels.Conditioning;

/// <summary>
/// How fast the empirical kernel approaches the infinite-width one: the per-network root-mean-square entry error
/// ‖K̂^(L) − K^(L)‖_F / n at one depth for several widths, and the least-squares slope of log error against log width
/// (the central limit theorem predicts −1/2).
/// </summary>
/// <param name="Depth">The depth L compared.</param>
/// <param name="Points">One per width, ascending.</param>
/// <param name="Slope">Fitted slope of log₁₀ error vs log₁₀ width; null with fewer than two widths.</param>
public sealed record WidthConvergence(int Depth, IReadOnlyList<WidthError> Points, double? Slope)
{
    /// <summary>Simulates every width with the same networks count and seed and fits the slope.</summary>
    /// <param name="activation">A normalised σ.</param>
    /// <param name="inputs">The data set (see <see cref="ConditioningSimulation.Run"/>).</param>
    /// <param name="widths">Widths, each valid for <see cref="SimulationSettings"/>.</param>
    /// <param name="settings">Depth, networks, seed and threads (its width and NTK flag are ignored).</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="ConditioningSimulation.Run"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="ConditioningSimulation.Run"/>.</exception>
    public static WidthConvergence Measure(ScalarActivation activation, IReadOnlyList<double[]> inputs, IReadOnlyList<int> widths,
        SimulationSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(settings);
        var points = widths.Distinct().Order().Select(w =>
        {
            var row = ConditioningSimulation.Run(activation, inputs, settings with { Width = w, WithNtk = false }, cancellation)[^1];
            return new WidthError(w, row.KernelError);
        }).ToList();
        var fitted = points.Where(p => p.Error is { Mean: > 0 }).ToList();
        double? slope = fitted.Count < 2 ? null
            : Fit.Line([.. fitted.Select(p => Math.Log10(p.Width))], [.. fitted.Select(p => Math.Log10(p.Error!.Mean))]).B;
        return new(settings.MaxDepth, points, slope);
    }
}

/// <summary>The kernel error at one width.</summary>
/// <param name="Width">Hidden width.</param>
/// <param name="Error">Mean over networks of ‖K̂ − K‖_F / n, with its interval.</param>
public sealed record WidthError(int Width, Estimate? Error);
