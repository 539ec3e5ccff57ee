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
    /// <summary>Simulates every width with the same networks count and seed and fits the slope: <see cref="Sample"/>, then <see cref="Summarise"/>.</summary>
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
        ArgumentNullException.ThrowIfNull(settings);
        var all = Enumerable.Range(0, settings.Networks).ToArray();
        return Summarise(activation, inputs, widths, settings, Sample(activation, inputs, widths, settings, all, cancellation));
    }

    /// <summary>The widths measured: distinct, ascending.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="widths"/> is null.</exception>
    public static int[] Distinct(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return [.. widths.Distinct().Order()];
    }

    /// <summary>
    /// The sample step: per width of <see cref="Distinct"/>, the given networks' kernels at the largest depth only (no NTK),
    /// as <see cref="ConditioningSimulation.Sample"/> draws them.
    /// </summary>
    /// <param name="activation">As <see cref="Measure"/>.</param>
    /// <param name="inputs">As <see cref="Measure"/>.</param>
    /// <param name="widths">As <see cref="Measure"/>.</param>
    /// <param name="settings">As <see cref="Measure"/>.</param>
    /// <param name="networks">Indices in 0..Networks−1.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <returns>One array per width, its entries in the order of <paramref name="networks"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="ConditioningSimulation.Sample"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="ConditioningSimulation.Sample"/>.</exception>
    public static NetworkKernels[][] Sample(ScalarActivation activation, IReadOnlyList<double[]> inputs, IReadOnlyList<int> widths,
        SimulationSettings settings, IReadOnlyList<int> networks, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. Distinct(widths).Select(w => ConditioningSimulation.Sample(activation, inputs, At(settings, w), networks, settings.MaxDepth, cancellation))];
    }

    /// <summary>The summary step: each width's kernel error at the largest depth over all its networks, and the fitted slope.</summary>
    /// <param name="activation">As <see cref="Measure"/>.</param>
    /// <param name="inputs">As <see cref="Measure"/>.</param>
    /// <param name="widths">As <see cref="Measure"/>.</param>
    /// <param name="settings">As <see cref="Measure"/>.</param>
    /// <param name="samples">Per width of <see cref="Distinct"/>, networks 0..Networks−1 in order, as <see cref="Sample"/> gives them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="ConditioningSimulation.Summarise"/>, or not one sample set per width.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="ConditioningSimulation.Summarise"/>.</exception>
    public static WidthConvergence Summarise(ScalarActivation activation, IReadOnlyList<double[]> inputs, IReadOnlyList<int> widths,
        SimulationSettings settings, IReadOnlyList<IReadOnlyList<NetworkKernels>> samples)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(samples);
        var distinct = Distinct(widths);
        if (samples.Count != distinct.Length)
            throw new ArgumentException($"need one sample set per width ({distinct.Length}), got {samples.Count}.", nameof(samples));
        var points = distinct.Select((w, i) => new WidthError(w,
            ConditioningSimulation.Summarise(activation, inputs, At(settings, w), samples[i], settings.MaxDepth)[^1].KernelError)).ToList();
        var fitted = points.Where(p => p.Error is { Mean: > 0 }).ToList();
        double? slope = fitted.Count < 2 ? null
            : Fit.Line([.. fitted.Select(p => Math.Log10(p.Width))], [.. fitted.Select(p => Math.Log10(p.Error!.Mean))]).B;
        return new(settings.MaxDepth, points, slope);
    }

    private static SimulationSettings At(SimulationSettings settings, int width) => settings with { Width = width, WithNtk = false };
}

/// <summary>The kernel error at one width.</summary>
/// <param name="Width">Hidden width.</param>
/// <param name="Error">Mean over networks of ‖K̂ − K‖_F / n, with its interval.</param>
public sealed record WidthError(int Width, Estimate? Error);
